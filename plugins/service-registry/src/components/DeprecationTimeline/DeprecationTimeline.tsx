import { Fragment, KeyboardEvent } from 'react';
import { Typography, useTheme } from '@material-ui/core';
import { DeprecationRecord } from '../../api/types';
import {
  dayNumber,
  dayString,
  deprecationColor,
  deprecationStatusLabel,
  sunsetDistance,
} from './deprecationFormat';
import { opaqueOn, readableOn, readableText, TEXT_CONTRAST } from '../contrast';
import { useDrawingWidth } from '../useDrawingWidth';

/**
 * Props of {@link DeprecationTimeline}.
 *
 * @public
 */
export interface DeprecationTimelineProps {
  /**
   * The deprecated services, one bar each, in the given order (the most urgent first, as the
   * backend answers them); past `maxBars`, only the first ones are drawn, and the selected one.
   */
  items: DeprecationRecord[];
  /** Today, `YYYY-MM-DD` (the `today` of the backend's answer): the vertical marker. */
  today: string;
  /**
   * The service whose bar is highlighted. One that is not among the first `maxBars` is drawn too,
   * after them and set apart, so that the highlight always has a bar.
   */
  selected?: string;
  /** Called with the service id when a bar is clicked or activated with Enter or Space. */
  onSelect?: (service: string) => void;
  /** Accessible name of the picture (default "Deprecation timeline"). */
  title?: string;
  /**
   * The most bars drawn (default 20): the first `maxBars` items, so that hundreds of
   * deprecations stay a readable picture of a few tab stops. A line under the picture says how
   * many more there are. `Infinity` draws them all.
   */
  maxBars?: number;
  /**
   * The line under the picture when items are left out, given how many are not drawn (default
   * "N more deprecated services are not drawn."); say there where the others are listed.
   */
  moreText?: (hidden: number) => string;
}

/** The most bars {@link DeprecationTimeline} draws unless told otherwise. */
export const DEPRECATION_TIMELINE_MAX_BARS = 20;

const defaultMoreText = (hidden: number) =>
  `${hidden} more deprecated ${
    hidden === 1 ? 'service is' : 'services are'
  } not drawn.`;

/** The width drawn before the container is measured (and where it cannot be, as in jsdom). */
const WIDTH = 960;
/**
 * The least width of the layout with the names left of the bars. A narrower container (a phone)
 * gets the stacked layout: each name above its bar, which then spans the whole width.
 */
const MIN_WIDTH = 600;
/**
 * The least width drawn (in the stacked layout): a narrower container scrolls the drawing
 * sideways, its labels at their size.
 */
const MIN_STACKED_WIDTH = 260;
const LABEL_WIDTH = 190;
/** Room right of the bars for "12 days overdue". */
const STATUS_WIDTH = 150;
const ROW_HEIGHT = 30;
/** A row of the stacked layout: the name (and how far the sunset is) on a line above the bar. */
const STACKED_ROW_HEIGHT = 44;
/** The margin left and right of the stacked layout's bars. */
const STACKED_SIDE = 8;
/** The room above the selected bar drawn past the bound, with a dashed line across it. */
const EXTRA_GAP = 12;
const BAR_HEIGHT = 16;
const AXIS_HEIGHT = 30;
const BOTTOM = 10;
/** The least room of a month label on the axis (`2026-12` and a gap). */
const TICK_SPACING = 70;
const MAX_LABEL = 24;

/** First day of each month in [from, to], thinned to at most `maxTicks`. */
function monthTicks(from: number, to: number, maxTicks: number): number[] {
  const start = new Date(Math.floor(from) * 86_400_000);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  const ticks: number[] = [];
  for (;;) {
    if (month > 11) {
      year += 1;
      month = 0;
    }
    const day = Date.UTC(year, month, 1) / 86_400_000;
    if (day > to) break;
    ticks.push(day);
    month += 1;
  }
  const step = Math.max(1, Math.ceil(ticks.length / maxTicks));
  return ticks.filter((_, i) => i % step === 0);
}

/** What a bar says to assistive technology and in its tooltip. */
export function describeBar(record: DeprecationRecord): string {
  const status = deprecationStatusLabel(record.status, record.lifecycle);
  const deprecated = record.deprecationDate
    ? `deprecated on ${record.deprecationDate}`
    : 'no deprecation date';
  const sunset = record.sunsetDate
    ? `sunset on ${record.sunsetDate} (${sunsetDistance(
        record.daysToSunset,
        record.status,
      )})`
    : 'no sunset date';
  const consumers = `${record.remainingConsumers} ${
    record.remainingConsumers === 1 ? 'consumer' : 'consumers'
  } left`;
  return `${record.service}: ${status}, ${deprecated}, ${sunset}, ${consumers}`;
}

/**
 * A service name that fits the label column: cut after its last whole word (before a `-`, `_` or
 * `.`) that fits, so that the words shown stay words of the bar's name, which speech input users
 * say; inside a word only when its first word alone is too long.
 */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const fits = text.slice(0, max - 1);
  const wordEnd = Math.max(
    ...['-', '_', '.'].map(separator => fits.lastIndexOf(separator)),
  );
  return `${wordEnd > 0 ? fits.slice(0, wordEnd) : fits}…`;
}

/**
 * The deprecated services on a time axis: one bar per service from its deprecation date to its
 * sunset date, coloured by status (overdue in the theme's error colour, at-risk in its warning
 * colour, on-track in a calm info colour; a service without a sunset date has a dashed bar up to
 * today), with a vertical "today" marker. Each bar is a named image (service, dates, status) and,
 * with `onSelect`, a button.
 *
 * @public
 */
export function DeprecationTimeline(props: DeprecationTimelineProps) {
  const {
    items: all,
    today,
    selected,
    onSelect,
    maxBars = DEPRECATION_TIMELINE_MAX_BARS,
    moreText = defaultMoreText,
  } = props;
  // a bounded picture: the first bars in the given order, the others counted under it, but the
  // selected one drawn after them (set apart), so that its highlight has a bar
  const first = all.length > maxBars ? all.slice(0, Math.max(0, maxBars)) : all;
  const extra =
    selected !== undefined && !first.some(r => r.service === selected)
      ? all.find(r => r.service === selected)
      : undefined;
  const items = extra ? [...first, extra] : first;
  const hidden = all.length - items.length;
  const title = props.title ?? 'Deprecation timeline';
  const theme = useTheme();
  // a half-page card showed a fixed 960-wide drawing's labels at 7 pixels
  const [measureRef, width, narrow] = useDrawingWidth(WIDTH, MIN_STACKED_WIDTH);
  // a phone: the names above the bars, so that the bars and today take the whole width (the side
  // by side layout scrolled there, today and most bars out of sight)
  const stacked = width < MIN_WIDTH;
  const rowHeight = stacked ? STACKED_ROW_HEIGHT : ROW_HEIGHT;
  // stacked, the name shares its line with how far the sunset is ("174 days overdue", about
  // 110 px): about 7 px a character for the rest
  const maxLabel = stacked
    ? Math.max(
        8,
        Math.min(MAX_LABEL, Math.floor((width - 2 * STACKED_SIDE - 120) / 7)),
      )
    : MAX_LABEL;

  if (all.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No deprecated services to draw.
      </Typography>
    );
  }

  const now = dayNumber(today);
  const spans = items.map(r => {
    const sunset = r.sunsetDate ? dayNumber(r.sunsetDate) : undefined;
    const start = r.deprecationDate
      ? dayNumber(r.deprecationDate)
      : sunset ?? now;
    const end = sunset ?? Math.max(now, start);
    return { record: r, start: Math.min(start, end), end, open: !sunset };
  });
  const low = Math.min(now, ...spans.map(s => s.start));
  const high = Math.max(now, ...spans.map(s => s.end));
  const padding = Math.max(7, (high - low) * 0.03);
  const from = low - padding;
  const to = high + padding;
  const plotLeft = stacked ? STACKED_SIDE : LABEL_WIDTH;
  const plotWidth = stacked
    ? width - 2 * STACKED_SIDE
    : width - LABEL_WIDTH - STATUS_WIDTH;
  const x = (day: number) =>
    plotLeft + ((day - from) / (to - from)) * plotWidth;
  const extraGap = extra ? EXTRA_GAP : 0;
  const rowTop = (i: number) =>
    AXIS_HEIGHT + i * rowHeight + (i >= first.length ? extraGap : 0);
  const height = AXIS_HEIGHT + items.length * rowHeight + extraGap + BOTTOM;
  /** The baseline of a row's name (and, stacked, of how far its sunset is). */
  const labelY = (rowY: number) =>
    stacked ? rowY + 14 : rowY + ROW_HEIGHT / 2 + 4;
  const todayX = x(now);
  // stacked, today's line leaves out the rows' lines of text, which it would cross
  const todayPath = (() => {
    let path = '';
    let top = AXIS_HEIGHT - 8;
    if (stacked) {
      items.forEach((_, i) => {
        path += `M${todayX} ${top}V${rowTop(i) + 1}`;
        top = rowTop(i) + 18;
      });
    }
    return `${path}M${todayX} ${top}V${height - BOTTOM + 4}`;
  })();
  const text = theme.palette.text.primary;
  // the selected row's highlight, as it shows on the card
  const paper = theme.palette.background.paper;
  const selectedBand = opaqueOn(theme.palette.action.selected, paper);
  const secondary = theme.palette.text.secondary;
  const summary = `${title}: ${
    hidden > 0 ? `${items.length} of ${all.length}` : items.length
  } deprecated ${all.length === 1 ? 'service' : 'services'}, today ${today}`;

  const activate = (service: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(service);
    }
  };

  return (
    <div
      ref={measureRef}
      // too narrow for the plot: it scrolls sideways (and keyboard users can scroll it)
      {...(narrow && {
        style: { overflowX: 'auto' },
        tabIndex: 0,
        role: 'region',
        'aria-label': `${title} (scrolls sideways)`,
      })}
    >
      <svg
        role="group"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width={narrow ? width : '100%'}
        preserveAspectRatio="xMinYMin meet"
        style={{ display: 'block' }}
      >
        <title>{summary}</title>
        {monthTicks(
          from,
          to,
          Math.max(2, Math.floor(plotWidth / TICK_SPACING)),
        ).map(tick => (
          <g key={tick} aria-hidden="true">
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={AXIS_HEIGHT - 6}
              y2={height - BOTTOM}
              stroke={theme.palette.divider}
            />
            <text
              x={x(tick) + 3}
              y={AXIS_HEIGHT - 10}
              fontSize={11}
              fill={secondary}
            >
              {dayString(tick).slice(0, 7)}
            </text>
          </g>
        ))}
        {spans.map(({ record, start, end, open }, i) => {
          const color = deprecationColor(
            theme,
            record.status,
            record.lifecycle,
          );
          const rowY = rowTop(i);
          const barY = stacked
            ? rowY + rowHeight - BAR_HEIGHT - 6
            : rowY + (ROW_HEIGHT - BAR_HEIGHT) / 2;
          const x1 = x(start);
          const x2 = Math.max(x(end), x1 + 3);
          const label = describeBar(record);
          const isSelected = record.service === selected;
          // stacked, the month lines and today's line cross the line of text: a halo of the row's
          // own background keeps the text whole over them
          const halo = stacked
            ? {
                stroke: isSelected ? selectedBand : paper,
                strokeWidth: 4,
                strokeLinejoin: 'round' as const,
                paintOrder: 'stroke',
              }
            : {};
          const interactive = onSelect
            ? {
                role: 'button',
                tabIndex: 0,
                'aria-pressed': isSelected,
                onClick: () => onSelect(record.service),
                onKeyDown: activate(record.service),
                style: { cursor: 'pointer' },
              }
            : { role: 'img' };
          return (
            <Fragment key={record.service}>
              <g
                aria-label={label}
                data-status={record.status}
                data-lifecycle={record.lifecycle}
                {...interactive}
              >
                <title>{label}</title>
                {isSelected && (
                  <rect
                    x={0}
                    y={rowY}
                    width={width}
                    height={rowHeight}
                    fill={theme.palette.action.selected}
                  />
                )}
                <text
                  x={stacked ? STACKED_SIDE : LABEL_WIDTH - 10}
                  y={labelY(rowY)}
                  textAnchor={stacked ? 'start' : 'end'}
                  fontSize={12}
                  fontWeight={isSelected ? 700 : 400}
                  fill={text}
                  {...halo}
                >
                  {shorten(record.service, maxLabel)}
                </text>
                <rect
                  data-testid={`timeline-bar-${record.service}`}
                  x={x1}
                  y={barY}
                  width={x2 - x1}
                  height={BAR_HEIGHT}
                  rx={3}
                  fill={color}
                  fillOpacity={open ? 0.35 : 0.85}
                  stroke={color}
                  strokeWidth={open ? 1.5 : 0}
                  strokeDasharray={open ? '4 3' : undefined}
                />
              </g>
              {/* How far the sunset is, after the bar: outside the bar's button, whose name says it
                  already, so that the button shows no more than its name starts with (the
                  service), as speech input expects; a click on it still selects the bar. */}
              <text
                // stacked: at the end of the name's line, where the bar leaves no room after it
                x={stacked ? width - STACKED_SIDE : x2 + 6}
                y={labelY(rowY)}
                textAnchor={stacked ? 'end' : undefined}
                fontSize={11}
                fontWeight={record.status === 'overdue' ? 700 : 400}
                fill={
                  isSelected
                    ? readableOn(color, [selectedBand], TEXT_CONTRAST)
                    : readableText(theme, color)
                }
                {...halo}
                aria-hidden="true"
                data-testid={`timeline-distance-${record.service}`}
                onClick={onSelect ? () => onSelect(record.service) : undefined}
                style={onSelect ? { cursor: 'pointer' } : undefined}
              >
                {sunsetDistance(record.daysToSunset, record.status)}
              </text>
            </Fragment>
          );
        })}
        {/* the selected bar past the bound is not in the order of the others: a line sets it apart */}
        {extra && (
          <line
            x1={0}
            x2={width}
            y1={rowTop(first.length) - EXTRA_GAP / 2}
            y2={rowTop(first.length) - EXTRA_GAP / 2}
            stroke={secondary}
            strokeDasharray="6 4"
            aria-hidden="true"
            data-testid="timeline-extra-separator"
          />
        )}
        <g
          role="img"
          aria-label={`Today, ${today}`}
          data-testid="timeline-today"
        >
          <title>{`Today, ${today}`}</title>
          <path
            d={todayPath}
            stroke={text}
            strokeWidth={2}
            data-testid="timeline-today-line"
          />
          <text
            x={todayX}
            y={10}
            fontSize={11}
            fontWeight={700}
            textAnchor="middle"
            fill={text}
          >
            Today
          </text>
        </g>
      </svg>
      {hidden > 0 && (
        <Typography variant="body2" color="textSecondary">
          {moreText(hidden)}
        </Typography>
      )}
    </div>
  );
}
