import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { lightTheme } from '@backstage/theme';
import {
  deprecationsResponse,
  FIXTURE_TODAY,
  manyDeprecationsResponse,
} from '../../testUtils/deprecationFixture';
import { DeprecationTimeline } from './DeprecationTimeline';
import { cardSurfaces, contrastOn, opaqueOn, TEXT_CONTRAST } from '../contrast';
import { nameContainsShownText, shownText } from '../../testUtils/textContrast';
import { measuredWidth } from '../../testUtils/measuredWidth';

// jsdom has no ResizeObserver: one that reports measuredWidth, installed before useMeasure loads
jest.mock('react-use/esm/useMeasure', () =>
  require('../../testUtils/measuredWidth').useMeasureReportingWidth(),
);

afterEach(() => {
  measuredWidth.value = 0;
});

/** Where today's line is drawn across. */
function todayLineX(): number {
  const path = screen.getByTestId('timeline-today-line').getAttribute('d')!;
  return Number(/^M(-?[\d.]+) /.exec(path)![1]);
}

describe('DeprecationTimeline', () => {
  const { items, today } = deprecationsResponse();

  it('draws one named bar per deprecated service and a today marker', async () => {
    await renderInTestApp(<DeprecationTimeline items={items} today={today} />);
    const picture = screen.getByRole('group', {
      name: `Deprecation timeline: 6 deprecated services, today ${FIXTURE_TODAY}`,
    });
    expect(
      within(picture).getByRole('img', { name: 'Today, 2026-11-22' }),
    ).toBeInTheDocument();
    const bars = within(picture)
      .getAllByRole('img')
      .filter(e => e.getAttribute('data-status'));
    expect(bars.map(b => b.getAttribute('aria-label'))).toEqual([
      'gone: Retired, deprecated on 2025-12-01, sunset on 2026-06-01 (174 days overdue), 1 consumer left',
      'old-api: Overdue, deprecated on 2026-05-10, sunset on 2026-11-10 (12 days overdue), 3 consumers left',
      'pay-v2: At risk, deprecated on 2026-09-01, sunset on 2026-12-10 (18 days left), 1 consumer left',
      'vague: No sunset date, deprecated on 2026-10-15, no sunset date, 1 consumer left',
      'legacy-search: On track, deprecated on 2026-09-01, sunset on 2027-03-01 (99 days left), 2 consumers left',
      'done-svc: No consumers left, deprecated on 2026-08-01, sunset on 2027-01-31 (70 days left), 0 consumers left',
    ]);
    expect(within(picture).getByText('old-api')).toBeInTheDocument();
  });

  it('colours bars by status: overdue in the error colour, at-risk in the warning colour, on-track in a calm one', async () => {
    await renderInTestApp(<DeprecationTimeline items={items} today={today} />);
    const { palette } = lightTheme;
    const fill = (id: string) =>
      screen.getByTestId(`timeline-bar-${id}`).getAttribute('fill');
    expect(fill('old-api')).toBe(palette.error.main);
    expect(fill('gone')).toBe(palette.error.main);
    expect(fill('pay-v2')).toBe(palette.warning.main);
    expect(fill('legacy-search')).toBe(palette.info.main);
    // how far the sunset is, written after the bar
    expect(screen.getByTestId('timeline-distance-old-api')).toHaveTextContent(
      '12 days overdue',
    );
    // The bar with no sunset is dashed (open-ended).
    expect(
      screen.getByTestId('timeline-bar-vague').getAttribute('stroke-dasharray'),
    ).toBeTruthy();
  });

  it('names each bar button with the text it shows in it, so that speech input can say it (WCAG 2.5.3)', async () => {
    await renderInTestApp(
      <DeprecationTimeline items={items} today={today} onSelect={jest.fn()} />,
    );
    const buttons = screen
      .getAllByRole('button')
      .filter(e => e.getAttribute('data-status'));
    expect(buttons).toHaveLength(items.length);
    for (const button of buttons) {
      expect(shownText(button)).not.toBe('');
      expect(
        nameContainsShownText(button, button.getAttribute('aria-label')!),
      ).toBe(true);
    }
  });

  it('shortens a long service name at a word, so that the words it shows stay part of its name', async () => {
    const long = {
      ...items[1],
      service: 'order-fulfilment-notification-gateway',
    };
    await renderInTestApp(
      <DeprecationTimeline items={[long]} today={today} onSelect={jest.fn()} />,
    );
    const button = screen.getByRole('button', {
      name: /^order-fulfilment-notification-gateway: /,
    });
    expect(shownText(button)).toBe('order-fulfilment…');
    expect(
      nameContainsShownText(button, button.getAttribute('aria-label')!),
    ).toBe(true);
  });

  it('writes how far each sunset is in a colour that reads on the card (WCAG AA)', async () => {
    await renderInTestApp(<DeprecationTimeline items={items} today={today} />);
    for (const distance of [
      '174 days overdue',
      '12 days overdue',
      '18 days left',
      '99 days left',
    ]) {
      const fill = screen.getByText(distance).getAttribute('fill')!;
      for (const surface of cardSurfaces(lightTheme)) {
        expect(contrastOn(fill, surface)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }
    }
  });

  it('writes the sunset of the selected bar in a colour that reads on its highlighted row too (WCAG AA)', async () => {
    await renderInTestApp(
      <DeprecationTimeline
        items={items}
        today={today}
        selected="old-api"
        onSelect={jest.fn()}
      />,
    );
    const bar = screen.getByTestId('timeline-bar-old-api');
    const band = bar.parentElement!.querySelector('rect')!;
    expect(band).not.toBe(bar);
    const background = opaqueOn(
      band.getAttribute('fill')!,
      lightTheme.palette.background.paper,
    );
    const fill = screen
      .getByTestId('timeline-distance-old-api')
      .getAttribute('fill')!;
    expect(contrastOn(fill, background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it('places the today marker between the bars that ended and those still running', async () => {
    await renderInTestApp(<DeprecationTimeline items={items} today={today} />);
    const todayX = todayLineX();
    const end = (id: string) => {
      const bar = screen.getByTestId(`timeline-bar-${id}`);
      return Number(bar.getAttribute('x')) + Number(bar.getAttribute('width'));
    };
    expect(end('old-api')).toBeLessThan(todayX);
    expect(end('pay-v2')).toBeGreaterThan(todayX);
  });

  it('makes bars buttons when selectable', async () => {
    const onSelect = jest.fn();
    await renderInTestApp(
      <DeprecationTimeline
        items={items}
        today={today}
        selected="pay-v2"
        onSelect={onSelect}
      />,
    );
    const payV2 = screen.getByRole('button', { name: /^pay-v2: At risk/ });
    expect(payV2).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: /^old-api/ }));
    expect(onSelect).toHaveBeenCalledWith('old-api');
    screen.getByRole('button', { name: /^legacy-search/ }).focus();
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('legacy-search');
  });

  describe('with hundreds of deprecated services', () => {
    // the 6 of the fixture and 600 more
    const many = manyDeprecationsResponse(600).items;

    it('draws the first 20 in the given order and says how many more there are', async () => {
      expect(many).toHaveLength(606);
      await renderInTestApp(
        <DeprecationTimeline items={many} today={today} onSelect={jest.fn()} />,
      );
      const picture = screen.getByRole('group', {
        name: `Deprecation timeline: 20 of 606 deprecated services, today ${FIXTURE_TODAY}`,
      });
      const bars = within(picture)
        .getAllByRole('button')
        .filter(e => e.getAttribute('data-status'));
      expect(
        bars.map(b => b.getAttribute('aria-label')!.split(':')[0]),
      ).toEqual(many.slice(0, 20).map(r => r.service));
      expect(
        screen.getByText('586 more deprecated services are not drawn.'),
      ).toBeInTheDocument();
    });

    it('draws the selected service too when it is past the first ones, after them and highlighted', async () => {
      const far = many[100].service;
      const { unmount } = await renderInTestApp(
        <DeprecationTimeline
          items={many}
          today={today}
          selected={far}
          onSelect={jest.fn()}
        />,
      );
      const picture = screen.getByRole('group', {
        name: `Deprecation timeline: 21 of 606 deprecated services, today ${FIXTURE_TODAY}`,
      });
      const bars = within(picture)
        .getAllByRole('button')
        .filter(e => e.getAttribute('data-status'));
      expect(
        bars.map(b => b.getAttribute('aria-label')!.split(':')[0]),
      ).toEqual([...many.slice(0, 20).map(r => r.service), far]);
      expect(bars.map(b => b.getAttribute('aria-pressed') === 'true')).toEqual([
        ...Array(20).fill(false),
        true,
      ]);
      // below the others, on the highlighted band of the selected row
      const top = (id: string) =>
        Number(screen.getByTestId(`timeline-bar-${id}`).getAttribute('y'));
      expect(top(far)).toBeGreaterThan(top(many[19].service));
      const bar = screen.getByTestId(`timeline-bar-${far}`);
      const band = bar.parentElement!.querySelector('rect')!;
      expect(band).not.toBe(bar);
      // set apart from them by a line
      const separator = Number(
        screen.getByTestId('timeline-extra-separator').getAttribute('y1'),
      );
      expect(separator).toBeGreaterThan(top(many[19].service));
      expect(separator).toBeLessThan(top(far));
      // the line under the picture counts the bars not drawn
      expect(
        screen.getByText('585 more deprecated services are not drawn.'),
      ).toBeInTheDocument();

      // one of the first 20 selected: no bar more
      unmount();
      await renderInTestApp(
        <DeprecationTimeline
          items={many}
          today={today}
          selected={many[3].service}
          onSelect={jest.fn()}
        />,
      );
      expect(
        screen.getByRole('group', {
          name: `Deprecation timeline: 20 of 606 deprecated services, today ${FIXTURE_TODAY}`,
        }),
      ).toBeInTheDocument();
      expect(screen.queryByTestId(`timeline-bar-${far}`)).toBeNull();
      expect(screen.queryByTestId('timeline-extra-separator')).toBeNull();
      expect(
        screen.getByText('586 more deprecated services are not drawn.'),
      ).toBeInTheDocument();
    });

    it('keeps the keyboard short: no more tab stops than bars drawn', async () => {
      await renderInTestApp(
        <>
          <button type="button">before</button>
          <DeprecationTimeline
            items={many}
            today={today}
            onSelect={jest.fn()}
          />
          <button type="button">after</button>
        </>,
      );
      screen.getByRole('button', { name: 'before' }).focus();
      const after = screen.getByRole('button', { name: 'after' });
      let presses = 0;
      while (document.activeElement !== after && presses < 100) {
        await userEvent.tab();
        presses += 1;
      }
      // one stop per bar drawn, then the button after the timeline
      expect(presses).toBe(21);
    });

    it('takes its bound from maxBars, and says it with its own words', async () => {
      await renderInTestApp(
        <DeprecationTimeline
          items={items}
          today={today}
          maxBars={3}
          moreText={hidden => `${hidden} more in the table.`}
        />,
      );
      const bars = screen
        .getAllByRole('img')
        .filter(e => e.getAttribute('data-status'));
      expect(
        bars.map(b => b.getAttribute('aria-label')!.split(':')[0]),
      ).toEqual(['gone', 'old-api', 'pay-v2']);
      expect(screen.getByText('3 more in the table.')).toBeInTheDocument();
    });

    it('draws every bar, and no "more" line, up to the bound', async () => {
      await renderInTestApp(
        <DeprecationTimeline items={many.slice(0, 20)} today={today} />,
      );
      expect(
        screen.getByRole('group', {
          name: `Deprecation timeline: 20 deprecated services, today ${FIXTURE_TODAY}`,
        }),
      ).toBeInTheDocument();
      expect(
        screen.getAllByRole('img').filter(e => e.getAttribute('data-status')),
      ).toHaveLength(20);
      expect(screen.queryByText(/more deprecated services/)).toBeNull();
    });
  });

  it('says when there is nothing to draw', async () => {
    await renderInTestApp(<DeprecationTimeline items={[]} today={today} />);
    expect(
      screen.getByText('No deprecated services to draw.'),
    ).toBeInTheDocument();
  });

  describe('at the width of its card', () => {
    /** The name drawn in a bar's row, and the bar. */
    const row = (service: string) => {
      const bar = screen.getByTestId(`timeline-bar-${service}`);
      const name = within(bar.parentElement!).getByText(service);
      return { bar, name };
    };
    const num = (element: Element, attribute: string) =>
      Number(element.getAttribute(attribute));

    it("beside a wide card's bars, writes the names left of them", async () => {
      measuredWidth.value = 800;
      await renderInTestApp(
        <DeprecationTimeline items={items} today={today} />,
      );
      const { bar, name } = row('old-api');
      expect(name).toHaveAttribute('text-anchor', 'end');
      expect(num(name, 'x')).toBeLessThan(num(bar, 'x'));
      expect(num(name, 'y')).toBeGreaterThan(num(bar, 'y'));
    });

    it('on a phone, writes each name above its bar, which then has the whole width, and nothing scrolls', async () => {
      measuredWidth.value = 326;
      await renderInTestApp(
        <DeprecationTimeline items={items} today={today} />,
      );
      expect(
        screen.queryByRole('region', { name: /scrolls sideways/ }),
      ).not.toBeInTheDocument();
      const picture = screen.getByRole('group', { name: /^Deprecation/ });
      expect(picture).toHaveAttribute(
        'viewBox',
        expect.stringMatching(/^0 0 326 /),
      );
      for (const service of items.map(r => r.service)) {
        const { bar, name } = row(service);
        // the name on a line of its own, above its bar, from the left edge
        expect(name).toHaveAttribute('text-anchor', 'start');
        expect(num(name, 'x')).toBe(8);
        expect(num(name, 'y')).toBeLessThan(num(bar, 'y'));
        // and every bar within the drawing
        expect(num(bar, 'x')).toBeGreaterThanOrEqual(8);
        expect(num(bar, 'x') + num(bar, 'width')).toBeLessThanOrEqual(326 - 8);
        // how far the sunset is, at the end of the name's line
        const distance = screen.getByTestId(`timeline-distance-${service}`);
        expect(num(distance, 'y')).toBe(num(name, 'y'));
        expect(distance).toHaveAttribute('text-anchor', 'end');
        expect(num(distance, 'x')).toBe(326 - 8);
      }
      // the bars span the width: the earliest deprecation near the left, the latest sunset near
      // the right
      const left = Math.min(...items.map(r => num(row(r.service).bar, 'x')));
      expect(left).toBeLessThan(40);
    });

    it("on a phone, leaves out today's line where it would cross the rows' text", async () => {
      measuredWidth.value = 326;
      await renderInTestApp(
        <DeprecationTimeline items={items} today={today} />,
      );
      const x = todayLineX();
      const segments = [
        ...screen
          .getByTestId('timeline-today-line')
          .getAttribute('d')!
          .matchAll(/M(-?[\d.]+) (-?[\d.]+)V(-?[\d.]+)/g),
      ].map(([, sx, from, to]) => {
        expect(Number(sx)).toBe(x);
        return [Number(from), Number(to)];
      });
      expect(segments.length).toBe(items.length + 1);
      for (const service of items.map(r => r.service)) {
        const baseline = num(row(service).name, 'y');
        // no segment runs through the line's letters (12 px above the baseline, 3 below)
        for (const [from, to] of segments) {
          expect(to <= baseline - 12 || from >= baseline + 3).toBe(true);
        }
      }
    });

    it('scrolls sideways only on a card too narrow for a bar and its name', async () => {
      measuredWidth.value = 200;
      await renderInTestApp(
        <DeprecationTimeline items={items} today={today} />,
      );
      expect(
        screen.getByRole('region', {
          name: 'Deprecation timeline (scrolls sideways)',
        }),
      ).toBeInTheDocument();
    });
  });
});
