import useMeasure from 'react-use/esm/useMeasure';

/**
 * The width an SVG drawing should be laid out at, in user units: its container's width, so that
 * one unit is one pixel and the drawing's labels keep their font size (a fixed-width drawing
 * scaled into a narrow card shows 11-pixel labels at 5), but at least `minWidth` (narrower
 * containers get that width scaled down). Until the container is measured, and where it cannot
 * be (jsdom has no ResizeObserver), `defaultWidth`.
 *
 * @returns the ref for the container and the width
 */
export function useDrawingWidth(
  defaultWidth: number,
  minWidth: number,
): [(element: HTMLDivElement) => void, number] {
  const [ref, measured] = useMeasure<HTMLDivElement>();
  const width =
    measured.width > 0
      ? Math.max(minWidth, Math.round(measured.width))
      : defaultWidth;
  return [ref, width];
}
