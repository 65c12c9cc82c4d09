import { useMemo } from 'react';
import { Box, Typography, useTheme } from '@material-ui/core';
import { DeprecationHistoryPoint } from '../../api/types';
import {
  dayNumber,
  dayString,
  pluralDays,
} from '../DeprecationTimeline/deprecationFormat';
import { useDrawingWidth } from '../useDrawingWidth';
import { readableText } from '../contrast';

/**
 * Props of {@link BurnDownChart}.
 *
 * @public
 */
export interface BurnDownChartProps {
  /** The recorded consumer counts, in any order (the backend sends them oldest first). */
  history: DeprecationHistoryPoint[];
  /** The sunset date, `YYYY-MM-DD`: drawn as a vertical marker, with a target line to zero. */
  sunsetDate?: string;
  /** Height of the drawing in pixels (default 200); it takes the width of its container. */
  height?: number;
  /** What is burning down, for the accessible name (e.g. the service id). */
  subject?: string;
}

/** The width drawn before the container is measured (and where it cannot be, as in jsdom). */
const WIDTH = 640;
/** Narrower containers get this width scaled down. */
const MIN_WIDTH = 240;
const MARGIN = { top: 20, right: 24, bottom: 28, left: 40 };
/** Points named one by one in the accessible name; longer histories are summarised. */
const MAX_SPOKEN_POINTS = 10;

/** The accessible summary: `Remaining consumers: 5 on 2026-10-01, 3 on 2026-11-29; sunset on …`. */
function describe(
  points: DeprecationHistoryPoint[],
  sunsetDate: string | undefined,
  subject: string | undefined,
): string {
  const spoken = (p: DeprecationHistoryPoint) =>
    `${p.remainingConsumers} on ${p.recordedAt.slice(0, 10)}`;
  let series: string;
  if (points.length <= MAX_SPOKEN_POINTS) {
    series = points.map(spoken).join(', ');
  } else {
    const head = points.slice(0, 3).map(spoken).join(', ');
    const tail = points.slice(-3).map(spoken).join(', ');
    series = `${head}, … (${points.length} recordings), ${tail}`;
  }
  const of = subject ? ` of ${subject}` : '';
  const sunset = sunsetDate ? `; sunset on ${sunsetDate}` : '';
  return `Remaining consumers${of}: ${series}${sunset}`;
}

/** `1 consumer left`, `3 consumers left`. */
function consumersLeft(count: number): string {
  return `${count} ${count === 1 ? 'consumer' : 'consumers'} left`;
}

/** The tooltip of one point: `3 consumers left on 2026-11-29, 11 days before the sunset`. */
function pointTitle(
  point: DeprecationHistoryPoint,
  sunset: number | undefined,
): string {
  const day = point.recordedAt.slice(0, 10);
  const text = `${consumersLeft(point.remainingConsumers)} on ${day}`;
  if (sunset === undefined) return text;
  const days = Math.round(sunset - dayNumber(day));
  if (days === 0) return `${text}, the day of the sunset`;
  const side = days > 0 ? 'before' : 'after';
  return `${text}, ${pluralDays(Math.abs(days))} ${side} the sunset`;
}

/** Integer ticks of the consumer axis: 0, the maximum and a middle one when it is an integer. */
function yTicks(max: number): number[] {
  if (max <= 1) return [0, max];
  const mid = Math.round(max / 2);
  return mid > 0 && mid < max ? [0, mid, max] : [0, max];
}

/**
 * The burn-down of a deprecated service: consumers left at each recorded ingestion, as a step
 * line, with the sunset date as a vertical marker and a dashed target line from the first count
 * to zero at the sunset. Accessible as one image whose name lists the counts ("Remaining
 * consumers: 5 on 2026-10-01, 3 on 2026-11-29"); with fewer than two points it says that there
 * is not enough history yet.
 *
 * @public
 */
export function BurnDownChart(props: BurnDownChartProps) {
  const { history, sunsetDate, height = 200, subject } = props;
  const theme = useTheme();
  const points = useMemo(
    () =>
      [...history].sort(
        (a, b) => dayNumber(a.recordedAt) - dayNumber(b.recordedAt),
      ),
    [history],
  );
  // the deprecations page's side card showed a fixed 640-wide drawing's labels at 5 pixels
  const [measureRef, width] = useDrawingWidth(WIDTH, MIN_WIDTH);

  if (points.length < 2) {
    const only = points[0];
    return (
      <Box paddingY={2} data-testid="burn-down-empty">
        <Typography variant="subtitle2" component="p">
          Not enough history yet
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {only
            ? `One recording so far: ${consumersLeft(
                only.remainingConsumers,
              )} on ${only.recordedAt.slice(
                0,
                10,
              )}. The burn-down appears after the next ingestion on another day.`
            : 'The burn-down appears once the registry has been ingested on two different days.'}
        </Typography>
      </Box>
    );
  }

  const sunset = sunsetDate ? dayNumber(sunsetDate) : undefined;
  const times = points.map(p => dayNumber(p.recordedAt));
  const first = Math.min(...times, sunset ?? Infinity);
  const last = Math.max(...times, sunset ?? -Infinity);
  const span = Math.max(last - first, 1);
  const maxCount = Math.max(1, ...points.map(p => p.remainingConsumers));
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (day: number) => MARGIN.left + ((day - first) / span) * plotW;
  const y = (count: number) => MARGIN.top + plotH - (count / maxCount) * plotH;
  const base = y(0);

  const line = points
    .map((p, i) => {
      const px = x(times[i]);
      const py = y(p.remainingConsumers);
      return i === 0 ? `M ${px} ${py}` : `H ${px} V ${py}`;
    })
    .join(' ');
  const area = `${line} V ${base} H ${x(times[0])} Z`;
  const lineColor = theme.palette.primary.main;
  const axisColor = theme.palette.text.secondary;
  const sunsetColor = theme.palette.error.main;
  const label = describe(points, sunsetDate, subject);
  const sunsetX = sunset === undefined ? undefined : x(sunset);
  const lastDay = dayString(last);

  return (
    <div ref={measureRef}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        style={{ maxHeight: height, display: 'block' }}
      >
        <title>{label}</title>
        {yTicks(maxCount).map(t => (
          <g key={t}>
            <line
              x1={MARGIN.left}
              x2={width - MARGIN.right}
              y1={y(t)}
              y2={y(t)}
              stroke={theme.palette.divider}
            />
            <text
              x={MARGIN.left - 6}
              y={y(t) + 4}
              textAnchor="end"
              fontSize={11}
              fill={axisColor}
            >
              {t}
            </text>
          </g>
        ))}
        <text
          x={MARGIN.left}
          y={height - 8}
          fontSize={11}
          fill={axisColor}
          textAnchor="start"
        >
          {dayString(first)}
        </text>
        <text
          x={width - MARGIN.right}
          y={height - 8}
          fontSize={11}
          fill={axisColor}
          textAnchor="end"
        >
          {lastDay}
        </text>
        <path d={area} fill={lineColor} fillOpacity={0.12} stroke="none" />
        {sunsetX !== undefined && sunset !== undefined && (
          <g data-testid="burn-down-sunset">
            <line
              x1={x(times[0])}
              y1={y(points[0].remainingConsumers)}
              x2={sunsetX}
              y2={base}
              stroke={axisColor}
              strokeDasharray="2 4"
            />
            <line
              x1={sunsetX}
              x2={sunsetX}
              y1={MARGIN.top - 8}
              y2={base}
              stroke={sunsetColor}
              strokeWidth={2}
              strokeDasharray="6 4"
            />
            <text
              x={sunsetX}
              y={MARGIN.top - 10}
              fontSize={11}
              fill={readableText(theme, sunsetColor)}
              textAnchor={sunsetX > width / 2 ? 'end' : 'start'}
            >
              Sunset {sunsetDate}
            </text>
          </g>
        )}
        <path d={line} fill="none" stroke={lineColor} strokeWidth={2.5} />
        {points.map((p, i) => (
          <circle
            key={`${p.recordedAt}-${i}`}
            cx={x(times[i])}
            cy={y(p.remainingConsumers)}
            r={3.5}
            fill={lineColor}
          >
            <title>{pointTitle(p, sunset)}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}
