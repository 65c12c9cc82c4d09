import useMeasure from 'react-use/esm/useMeasure';

/**
 * The width an SVG drawing should be laid out at, in user units: its container's width, so that
 * one unit is one pixel and the drawing's labels keep their font size (a fixed-width drawing
 * scaled into a narrow card shows 11-pixel labels at 5), but at least `minWidth`. Until the
 * container is measured, and where it cannot be (jsdom has no ResizeObserver), `defaultWidth`.
 *
 * @returns the ref for the container, the width, and whether the container is narrower than
 *   `minWidth`: a drawing that scrolls sideways then keeps its labels' size, where one scaled
 *   down to the container shrinks them
 */
export function useDrawingWidth(
  defaultWidth: number,
  minWidth: number,
): [(element: HTMLDivElement) => void, number, boolean] {
  const [ref, measured] = useMeasure<HTMLDivElement>();
  const narrow = measured.width > 0 && measured.width < minWidth;
  const width =
    measured.width > 0
      ? Math.max(minWidth, Math.round(measured.width))
      : defaultWidth;
  return [ref, width, narrow];
}
