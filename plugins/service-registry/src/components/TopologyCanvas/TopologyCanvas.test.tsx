import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderInTestApp } from '@backstage/test-utils';
import { lightTheme } from '@backstage/theme';
import { ThemeProvider } from '@material-ui/core';
import { contrastOn } from '../contrast';
import { GRAPHIC_CONTRAST } from '../topologyStyles';
import {
  CanvasNode,
  TopologyCanvas,
  TopologyCanvasProps,
} from './TopologyCanvas';

const node = (
  id: string,
  x: number,
  y: number,
  emphasis?: CanvasNode['emphasis'],
): CanvasNode => ({
  id,
  x,
  y,
  label: id,
  fill: '#fff',
  border: '#000',
  emphasis,
  description: `${id}, GA, project shop`,
});

/** Draws web → api as "Dependency map", and gives its drawing. */
async function renderMap(
  props: Partial<TopologyCanvasProps> = {},
): Promise<HTMLElement> {
  await renderInTestApp(
    <TopologyCanvas
      nodes={[node('web', 0, 0), node('api', 240, 0)]}
      edges={[{ from: 'web', to: 'api', color: '#999', width: 1 }]}
      height={300}
      ariaLabel="Dependency map"
      {...props}
    />,
  );
  return screen.getByRole('application', { name: 'Dependency map' });
}

describe('TopologyCanvas', () => {
  it('moves between nodes with the keyboard, announces them, and selects or opens them', async () => {
    const onNodeClick = jest.fn();
    const onNodeActivate = jest.fn();
    await renderInTestApp(
      <TopologyCanvas
        nodes={[
          node('web', 0, 0),
          node('api', 240, 0, 'root'),
          node('db', 480, 0),
        ]}
        edges={[
          { from: 'web', to: 'api', color: '#999', width: 1 },
          { from: 'api', to: 'db', color: '#999', width: 1 },
        ]}
        height={300}
        ariaLabel="Dependency graph of api"
        onNodeClick={onNodeClick}
        onNodeActivate={onNodeActivate}
      />,
    );
    const graph = screen.getByRole('application', {
      name: 'Dependency graph of api',
    });
    expect(graph).toHaveAccessibleDescription(
      /Arrow keys move between services/,
    );
    graph.focus();
    // the first arrow focuses the root
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByText('api, GA, project shop')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByText('db, GA, project shop')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByText('web, GA, project shop')).toBeInTheDocument();
    await userEvent.keyboard(' ');
    expect(onNodeClick).toHaveBeenCalledWith('web');
    await userEvent.keyboard('{Enter}');
    expect(onNodeActivate).toHaveBeenCalledWith('web');
  });

  it('zooms in and out with its buttons, and fits the graph again', async () => {
    const graph = await renderMap();
    // jsdom lays nothing out: the fitted scale of an unmeasured canvas is 1
    expect(graph).toHaveAttribute('data-scale', '1.000');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(graph).toHaveAttribute('data-scale', '1.250');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(graph).toHaveAttribute('data-scale', '1.563');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(graph).toHaveAttribute('data-scale', '1.250');
    await userEvent.click(
      screen.getByRole('button', { name: 'Fit the graph' }),
    );
    expect(graph).toHaveAttribute('data-scale', '1.000');
  });

  it('leaves keys held with Ctrl, Cmd or Alt to the browser (page zoom, history), zooming on the bare keys', async () => {
    await renderInTestApp(
      <TopologyCanvas
        nodes={[node('web', 0, 0), node('api', 240, 0, 'root')]}
        edges={[{ from: 'web', to: 'api', color: '#999', width: 1 }]}
        height={300}
        ariaLabel="Dependency map"
      />,
    );
    const graph = screen.getByRole('application', { name: 'Dependency map' });
    graph.focus();
    // fireEvent tells whether the key went on to the browser (not `preventDefault`ed)
    for (const modifier of ['ctrlKey', 'metaKey', 'altKey']) {
      for (const key of ['+', '=', '-', '0', 'ArrowLeft', 'ArrowRight']) {
        expect(fireEvent.keyDown(graph, { key, [modifier]: true })).toBe(true);
      }
    }
    expect(graph).toHaveAttribute('data-scale', '1.000');
    expect(screen.queryByText('api, GA, project shop')).not.toBeInTheDocument();
    // the same keys alone are the map's
    expect(fireEvent.keyDown(graph, { key: '+' })).toBe(false);
    expect(graph).toHaveAttribute('data-scale', '1.250');
    expect(fireEvent.keyDown(graph, { key: 'ArrowRight' })).toBe(false);
    expect(screen.getByText('api, GA, project shop')).toBeInTheDocument();
    // (a `+` typed with Shift is still a `+`)
    expect(fireEvent.keyDown(graph, { key: '+', shiftKey: true })).toBe(false);
    expect(graph).toHaveAttribute('data-scale', '1.563');
  });

  it('zooms with the wheel, keeping the page from scrolling', async () => {
    const graph = await renderMap();
    const canvas = graph.querySelector('canvas')!;
    // fireEvent tells whether the page went on to scroll (not `preventDefault`ed)
    expect(fireEvent.wheel(canvas, { deltaY: -100 })).toBe(false);
    expect(Number(graph.dataset.scale)).toBeGreaterThan(1);
    expect(screen.queryByTestId('wheel-hint')).not.toBeInTheDocument();
  });

  it('in a card, lets the wheel scroll the page with a hint until the graph is clicked, and again once the pointer leaves', async () => {
    const graph = await renderMap({ wheelZoom: 'enable-on-click' });
    const canvas = graph.querySelector('canvas')!;
    expect(fireEvent.wheel(canvas, { deltaY: -100 })).toBe(true);
    expect(graph).toHaveAttribute('data-scale', '1.000');
    expect(screen.getByTestId('wheel-hint')).toHaveTextContent(
      /^Click the graph to zoom with the wheel, or hold (Ctrl|⌘)$/,
    );
    // Ctrl or Cmd with the wheel (a touchpad's pinch) zooms at once
    expect(fireEvent.wheel(canvas, { deltaY: -100, ctrlKey: true })).toBe(
      false,
    );
    expect(Number(graph.dataset.scale)).toBeGreaterThan(1);
    const zoomed = graph.dataset.scale;

    fireEvent.pointerDown(graph);
    fireEvent.pointerUp(graph);
    expect(screen.queryByTestId('wheel-hint')).not.toBeInTheDocument();
    expect(fireEvent.wheel(canvas, { deltaY: 100 })).toBe(false);
    expect(Number(graph.dataset.scale)).toBeLessThan(Number(zoomed));

    fireEvent.pointerLeave(graph);
    const left = graph.dataset.scale;
    expect(fireEvent.wheel(canvas, { deltaY: 100 })).toBe(true);
    expect(graph.dataset.scale).toBe(left);
  });

  it('takes the hint away a moment after the wheel stops', () => {
    jest.useFakeTimers();
    try {
      render(
        <ThemeProvider theme={lightTheme}>
          <TopologyCanvas
            nodes={[node('web', 0, 0)]}
            edges={[]}
            height={300}
            ariaLabel="Dependency map"
            wheelZoom="enable-on-click"
          />
        </ThemeProvider>,
      );
      const canvas = screen.getByRole('application').querySelector('canvas')!;
      fireEvent.wheel(canvas, { deltaY: 100 });
      expect(screen.getByTestId('wheel-hint')).toBeInTheDocument();
      act(() => jest.advanceTimersByTime(1000));
      fireEvent.wheel(canvas, { deltaY: 100 });
      act(() => jest.advanceTimersByTime(1000));
      // still turning a second later: still there
      expect(screen.getByTestId('wheel-hint')).toBeInTheDocument();
      act(() => jest.advanceTimersByTime(600));
      expect(screen.queryByTestId('wheel-hint')).not.toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('leaves no drawing scheduled once it is gone (no frame drawn into a page that moved on)', () => {
    jest.useFakeTimers();
    try {
      const { unmount } = render(
        <ThemeProvider theme={lightTheme}>
          <TopologyCanvas
            nodes={[node('web', 0, 0), node('api', 240, 0)]}
            edges={[{ from: 'web', to: 'api', color: '#999', width: 1 }]}
            height={300}
            ariaLabel="Dependency map"
          />
        </ThemeProvider>,
      );
      // a zoom asks for a frame, which has not come yet
      fireEvent.keyDown(screen.getByRole('application'), { key: '+' });
      expect(jest.getTimerCount()).toBeGreaterThan(0);
      unmount();
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('draws edges and node borders at 3:1 or more against what they are drawn on (WCAG 1.4.11)', async () => {
    // a 2D context that records the colour of every line it strokes
    const stroked: string[] = [];
    const state = { strokeStyle: '' };
    const methods: Record<string, unknown> = {
      stroke: () => stroked.push(state.strokeStyle),
      measureText: (text: string) => ({ width: text.length * 7 }),
    };
    const context = new Proxy(state, {
      get: (target, key) =>
        key === 'strokeStyle'
          ? target.strokeStyle
          : methods[key as string] ?? (() => undefined),
      set: (target, key, value) => {
        if (key === 'strokeStyle') target.strokeStyle = value;
        return true;
      },
    });
    const getContext = jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockReturnValue(context as unknown as CanvasRenderingContext2D);
    try {
      const fill = '#eeeeee';
      await renderInTestApp(
        <TopologyCanvas
          nodes={[
            // close together: jsdom lays nothing out, the canvas shows only around 0, 0
            { ...node('web', 0, 0), fill, border: '#9e9e9e' },
            { ...node('api', 100, 0), fill, border: '#2e7d32' },
          ]}
          edges={[{ from: 'web', to: 'api', color: '#90a4ae', width: 1 }]}
          height={300}
          ariaLabel="Dependency map"
        />,
      );
      await waitFor(() => expect(stroked.length).toBeGreaterThanOrEqual(3));
      const [edge, ...borders] = stroked;
      const background = lightTheme.palette.background.default;
      expect(contrastOn(edge, background)).toBeGreaterThanOrEqual(
        GRAPHIC_CONTRAST,
      );
      for (const border of borders) {
        expect(contrastOn(border, fill)).toBeGreaterThanOrEqual(
          GRAPHIC_CONTRAST,
        );
        expect(contrastOn(border, background)).toBeGreaterThanOrEqual(
          GRAPHIC_CONTRAST,
        );
      }
    } finally {
      getContext.mockRestore();
    }
  });

  describe('laid out by a browser', () => {
    // jsdom lays nothing out: the drawing is given a width here, and the height its box is styled
    // with; the ResizeObserver tells it when the width changes
    let drawingWidth = 0;
    const observers: Array<() => void> = [];
    const spies: jest.SpyInstance[] = [];
    beforeEach(() => {
      drawingWidth = 0;
      spies.push(
        jest
          .spyOn(HTMLElement.prototype, 'clientWidth', 'get')
          .mockImplementation(function width(this: HTMLElement) {
            return this.getAttribute('role') === 'application'
              ? drawingWidth
              : 0;
          }),
        jest
          .spyOn(HTMLElement.prototype, 'clientHeight', 'get')
          .mockImplementation(function height(this: HTMLElement) {
            return this.getAttribute('role') === 'application'
              ? parseFloat(this.parentElement?.style.height ?? '') || 0
              : 0;
          }),
      );
      (window as any).ResizeObserver = class {
        constructor(private readonly callback: () => void) {}
        observe() {
          observers.push(this.callback);
        }
        disconnect() {
          observers.splice(observers.indexOf(this.callback), 1);
        }
      };
    });
    afterEach(() => {
      spies.splice(0).forEach(spy => spy.mockRestore());
      delete (window as any).ResizeObserver;
    });

    /** A service three hops each way: seven layers of three rows, the root in the middle. */
    const hood = [0, 1, 2, 3, 4, 5, 6].flatMap(layer =>
      [0, 1, 2].map(row =>
        node(
          `s${layer}-${row}`,
          layer * 240,
          row * 56,
          layer === 3 && row === 1 ? 'root' : undefined,
        ),
      ),
    );
    const drawHood = (props: Partial<TopologyCanvasProps>) =>
      renderMap({ nodes: hood, edges: [], height: 360, ...props });
    /** Where the root's centre is drawn, from the view the drawing reports. */
    const rootCentre = (graph: HTMLElement) => {
      const scale = Number(graph.dataset.scale);
      const [tx, ty] = graph.dataset.origin!.split(' ').map(Number);
      return { x: 3 * 240 * scale + tx, y: 56 * scale + ty };
    };

    it('takes only the height a wide, shallow graph needs when asked to', async () => {
      drawingWidth = 1100;
      const graph = await drawHood({ heightFollowsGraph: true });
      const drawn = parseFloat(graph.parentElement!.style.height);
      // three rows at the fitted scale, 24 px above and below
      const scale = Number(graph.dataset.scale);
      expect(drawn).toBeCloseTo((2 * 56 + 40) * scale + 48, 0);
      expect(drawn).toBeLessThan(200);
    });

    it('keeps the height it is given otherwise', async () => {
      drawingWidth = 1100;
      const graph = await drawHood({});
      expect(graph.parentElement!.style.height).toBe('360px');
    });

    it('on a narrow screen, starts on its root where the whole graph would be too small to read; the fit button shows it all', async () => {
      drawingWidth = 326;
      const graph = await drawHood({ startAt: 'root' });
      expect(graph).toHaveAttribute('data-scale', '0.800');
      expect(rootCentre(graph).x).toBeCloseTo((24 + 326 - 56) / 2, 0);
      await userEvent.click(
        screen.getByRole('button', { name: 'Fit the graph' }),
      );
      expect(Number(graph.dataset.scale)).toBeLessThan(0.5);
    });

    it('on a narrow screen, starts a map from its start at a legible scale; the fit button shows it all', async () => {
      drawingWidth = 326;
      const graph = await drawHood({ startAt: 'start' });
      expect(graph).toHaveAttribute('data-scale', '0.800');
      // the first consumer's box (left edge at -90 graph units) 24 px into the drawing
      const [tx] = graph.dataset.origin!.split(' ').map(Number);
      expect(-90 * 0.8 + tx).toBeCloseTo(24, 0);
      await userEvent.click(
        screen.getByRole('button', { name: 'Fit the graph' }),
      );
      expect(Number(graph.dataset.scale)).toBeLessThan(0.5);
    });

    it('fits the whole graph on a narrow screen when it has no root to start at', async () => {
      drawingWidth = 326;
      const graph = await drawHood({});
      expect(Number(graph.dataset.scale)).toBeLessThan(0.5);
    });

    it('starts once it is laid out, when its graph came while it had no width', async () => {
      const graph = await drawHood({ startAt: 'root' });
      expect(graph).toHaveAttribute('data-scale', '1.000');
      drawingWidth = 326;
      act(() => observers.forEach(notify => notify()));
      expect(graph).toHaveAttribute('data-scale', '0.800');
      // later changes of width leave the reader's view alone
      await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
      drawingWidth = 300;
      act(() => observers.forEach(notify => notify()));
      expect(graph).toHaveAttribute('data-scale', '1.000');
    });

    it('fits a view the reader has not moved to a new width', async () => {
      drawingWidth = 326;
      const graph = await drawHood({});
      const narrow = Number(graph.dataset.scale);
      drawingWidth = 1100;
      act(() => observers.forEach(notify => notify()));
      const wide = Number(graph.dataset.scale);
      expect(wide).toBeGreaterThan(2 * narrow);
      // the whole graph (its last layer's right edge at 6 × 240 + 90) within the drawing
      const [tx] = graph.dataset.origin!.split(' ').map(Number);
      expect((6 * 240 + 90) * wide + tx).toBeLessThanOrEqual(1100);
    });

    /** Two columns of 30 services, drawn with a most height a test changes (the window's). */
    const tall = [0, 1].flatMap(column =>
      Array.from({ length: 30 }, (_, row) =>
        node(`c${column}-${row}`, column * 240, row * 56),
      ),
    );
    let setMostHeight: (height: number) => void = () => {};
    function WindowSizedMap() {
      const [height, setHeight] = useState(360);
      setMostHeight = setHeight;
      return (
        <TopologyCanvas
          nodes={tall}
          edges={[]}
          height={height}
          heightFollowsGraph
          ariaLabel="Dependency map"
        />
      );
    }

    it('takes a new most height (a resized window), starting again unless the reader moved the view', async () => {
      drawingWidth = 1100;
      await renderInTestApp(<WindowSizedMap />);
      const graph = screen.getByRole('application', { name: 'Dependency map' });
      const drawn = () => parseFloat(graph.parentElement!.style.height);
      expect(drawn()).toBe(360);
      const short = Number(graph.dataset.scale);

      // a taller window: the graph, not moved, is fitted to the taller drawing
      act(() => setMostHeight(600));
      expect(drawn()).toBe(600);
      expect(Number(graph.dataset.scale)).toBeGreaterThan(1.5 * short);

      // once moved, a shorter window changes the drawing's height, not the reader's view
      await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
      const moved = {
        scale: graph.dataset.scale,
        origin: graph.dataset.origin,
      };
      act(() => setMostHeight(500));
      expect(drawn()).toBe(500);
      expect(graph.dataset.scale).toBe(moved.scale);
      expect(graph.dataset.origin).toBe(moved.origin);
    });
  });
});
