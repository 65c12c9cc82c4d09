/**
 * The width the browser lays out containers that react-use's `useMeasure` measures, in tests
 * (0: not measured, as in jsdom). Set it before rendering; reset it after each test.
 */
export const measuredWidth = { value: 0 };

/**
 * The module `react-use/esm/useMeasure` with a ResizeObserver (jsdom has none) that reports
 * {@link measuredWidth} for every container it observes. `useMeasure` looks for the observer once,
 * when it is loaded, so a test file installs it before, at the top:
 *
 * ```ts
 * jest.mock('react-use/esm/useMeasure', () =>
 *   require('../../testUtils/measuredWidth').useMeasureReportingWidth(),
 * );
 * ```
 */
export function useMeasureReportingWidth(): unknown {
  class ReportingResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      const width = measuredWidth.value;
      const contentRect = { x: 0, y: 0, width, height: 0, top: 0, left: 0 };
      const entry = {
        target,
        contentRect: { ...contentRect, right: width, bottom: 0 },
      } as unknown as ResizeObserverEntry;
      this.callback([entry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  (window as any).ResizeObserver = ReportingResizeObserver;
  return jest.requireActual('react-use/esm/useMeasure');
}
