import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { DeprecationHistoryPoint } from '../../api/types';
import { historyOf } from '../../testUtils/deprecationFixture';
import { BurnDownChart } from './BurnDownChart';
import { lightTheme } from '@backstage/theme';
import { cardSurfaces, contrastOn, TEXT_CONTRAST } from '../contrast';
import { measuredWidth } from '../../testUtils/measuredWidth';

// jsdom has no ResizeObserver: one that reports measuredWidth, installed before useMeasure loads
jest.mock('react-use/esm/useMeasure', () =>
  require('../../testUtils/measuredWidth').useMeasureReportingWidth(),
);

afterEach(() => {
  measuredWidth.value = 0;
});

describe('BurnDownChart', () => {
  it('is drawn at the width of its container, so that its labels keep their size', async () => {
    measuredWidth.value = 310;
    await renderInTestApp(
      <BurnDownChart history={historyOf('old-api')} sunsetDate="2026-11-10" />,
    );
    const chart = screen.getByRole('img', { name: /^Remaining consumers/ });
    expect(chart).toHaveAttribute('viewBox', '0 0 310 200');
    // the last day is written at the right edge of the plot
    expect(within(chart).getByText('2026-11-22')).toHaveAttribute('x', '286');
  });

  it('is scaled down from 240 pixels in a narrower container', async () => {
    measuredWidth.value = 150;
    await renderInTestApp(
      <BurnDownChart history={historyOf('old-api')} sunsetDate="2026-11-10" />,
    );
    const chart = screen.getByRole('img', { name: /^Remaining consumers/ });
    expect(chart).toHaveAttribute('viewBox', '0 0 240 200');
  });

  it('draws the consumers left over time with the sunset marker, named for screen readers', async () => {
    // old-api: 5 consumers on 2026-10-01, 4 on 2026-10-25, 3 on 2026-11-22 (computed from
    // the fixture registry as it was ingested on those days).
    await renderInTestApp(
      <BurnDownChart history={historyOf('old-api')} sunsetDate="2026-11-10" />,
    );
    const chart = screen.getByRole('img', {
      name: 'Remaining consumers: 5 on 2026-10-01, 4 on 2026-10-25, 3 on 2026-11-22; sunset on 2026-11-10',
    });
    expect(within(chart).getByText('Sunset 2026-11-10')).toBeInTheDocument();
    expect(within(chart).getByTestId('burn-down-sunset')).toBeInTheDocument();
    // One marker per recording, each with its own tooltip.
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart).toHaveTextContent(
      '4 consumers left on 2026-10-25, 16 days before the sunset',
    );
    expect(chart).toHaveTextContent(
      '3 consumers left on 2026-11-22, 12 days after the sunset',
    );
    expect(
      screen.queryByText('Not enough history yet'),
    ).not.toBeInTheDocument();
  });

  it('writes the sunset marker in a colour that reads on the card (WCAG AA)', async () => {
    await renderInTestApp(
      <BurnDownChart history={historyOf('old-api')} sunsetDate="2026-11-10" />,
    );
    const fill = screen.getByText('Sunset 2026-11-10').getAttribute('fill')!;
    for (const surface of cardSurfaces(lightTheme)) {
      expect(contrastOn(fill, surface)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it('sorts the points by time and names the subject; no sunset, no marker', async () => {
    const history = historyOf('old-api').reverse();
    await renderInTestApp(
      <BurnDownChart history={history} subject="old-api" />,
    );
    const chart = screen.getByRole('img', {
      name: 'Remaining consumers of old-api: 5 on 2026-10-01, 4 on 2026-10-25, 3 on 2026-11-22',
    });
    expect(
      within(chart).queryByTestId('burn-down-sunset'),
    ).not.toBeInTheDocument();
  });

  it('summarises a long history in its accessible name', async () => {
    const history: DeprecationHistoryPoint[] = Array.from(
      { length: 12 },
      (_, i) => ({
        recordedAt: `2026-10-${String(i + 1).padStart(2, '0')}T06:00:00.000Z`,
        consumers: 12 - i,
        optionalConsumers: 0,
        remainingConsumers: 12 - i,
        status: 'on-track',
      }),
    );
    await renderInTestApp(<BurnDownChart history={history} />);
    expect(
      screen.getByRole('img', {
        name: 'Remaining consumers: 12 on 2026-10-01, 11 on 2026-10-02, 10 on 2026-10-03, … (12 recordings), 3 on 2026-10-10, 2 on 2026-10-11, 1 on 2026-10-12',
      }),
    ).toBeInTheDocument();
  });

  it('says when there is not enough history for a chart', async () => {
    await renderInTestApp(
      <BurnDownChart history={historyOf('old-api').slice(-1)} />,
    );
    expect(screen.getByText('Not enough history yet')).toBeInTheDocument();
    expect(
      screen.getByText(/One recording so far: 3 consumers left on 2026-11-22/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says so with no history at all', async () => {
    await renderInTestApp(
      <BurnDownChart history={[]} sunsetDate="2026-12-10" />,
    );
    expect(screen.getByText('Not enough history yet')).toBeInTheDocument();
    // a line of text, not a heading out of the order of the card's headings
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
