import { Theme } from '@material-ui/core/styles';
import {
  GLOBAL_PROJECT_KEY,
  NO_OWNER_KEY,
  NodeStatus,
} from '../lib/graph-transformations';
import { cardSurfaces, readableOn } from './contrast';

/** How a lifecycle status looks: border colour and dash, and the words that say it. */
export interface StatusStyle {
  border: string;
  borderStyle: 'solid' | 'dashed' | 'dotted';
  label: string;
}

/** Status styles; the flagged ones (development, deprecated, retired, missing) are dashed or dotted. */
export const STATUS_STYLES: Record<NodeStatus, StatusStyle> = {
  ga: { border: '#2e7d32', borderStyle: 'solid', label: 'GA' },
  beta: { border: '#0277bd', borderStyle: 'solid', label: 'beta' },
  maintenance: {
    border: '#6d4c41',
    borderStyle: 'solid',
    label: 'maintenance',
  },
  development: {
    border: '#1565c0',
    borderStyle: 'dotted',
    label: 'development',
  },
  deprecated: { border: '#e65100', borderStyle: 'dashed', label: 'deprecated' },
  retired: { border: '#b71c1c', borderStyle: 'dashed', label: 'retired' },
  missing: {
    border: '#616161',
    borderStyle: 'dotted',
    label: 'missing (not declared)',
  },
  unknown: { border: '#9e9e9e', borderStyle: 'solid', label: 'no status' },
};

/** Edge colours. */
export const EDGE_COLORS = {
  normal: '#90a4ae',
  crossProject: '#7b1fa2',
  cycle: '#d32f2f',
  impact: '#e65100',
};

/** Light fills (dark text stays readable) for projects or owners. */
const PALETTE = [
  '#bbdefb',
  '#c8e6c9',
  '#ffe0b2',
  '#e1bee7',
  '#b2ebf2',
  '#f8bbd0',
  '#dcedc8',
  '#d7ccc8',
  '#fff9c4',
  '#c5cae9',
  '#ffccbc',
  '#b2dfdb',
];

/** The fill of services without a project or owner, and of missing services. */
export const NEUTRAL_FILL = '#eeeeee';

/**
 * Assigns a palette colour to each project or owner key (sorted, so colours are stable for a
 * registry); the global services and the services without owner get the neutral fill.
 */
export function categoryColors(keys: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(keys)].sort();
  const colors = new Map<string, string>();
  let i = 0;
  for (const key of sorted) {
    if (key === GLOBAL_PROJECT_KEY || key === NO_OWNER_KEY) {
      colors.set(key, NEUTRAL_FILL);
    } else {
      colors.set(key, PALETTE[i % PALETTE.length]);
      i++;
    }
  }
  return colors;
}

/** Fills by status, for the "colour by status" mode. */
export const STATUS_FILLS: Record<NodeStatus, string> = {
  ga: '#c8e6c9',
  beta: '#b3e5fc',
  maintenance: '#d7ccc8',
  development: '#bbdefb',
  deprecated: '#ffe0b2',
  retired: '#ffcdd2',
  missing: NEUTRAL_FILL,
  unknown: '#f5f5f5',
};

/** The colour of an edge: impact wins over cycle, which wins over cross-project. */
export function edgeColor(kind: {
  impact?: boolean;
  cycle?: boolean;
  crossProject?: boolean;
}): string {
  if (kind.impact) return EDGE_COLORS.impact;
  if (kind.cycle) return EDGE_COLORS.cycle;
  if (kind.crossProject) return EDGE_COLORS.crossProject;
  return EDGE_COLORS.normal;
}

/** The contrast WCAG 2 (1.4.11) asks of the graphics that carry meaning: edges, node borders. */
export const GRAPHIC_CONTRAST = 3;

/**
 * An edge colour as drawn in a theme: the colour itself where it reaches {@link GRAPHIC_CONTRAST}
 * against the drawing's background (the theme's default) and a card's, else darkened (in the
 * dark theme lightened) until it does. The legend draws its lines with it too.
 *
 * @param theme - the MUI theme
 * @param color - the edge's colour ({@link EDGE_COLORS})
 */
export function visibleEdgeColor(theme: Theme, color: string): string {
  return readableOn(color, cardSurfaces(theme), GRAPHIC_CONTRAST);
}

/**
 * A node's border colour as drawn in a theme: reaching {@link GRAPHIC_CONTRAST} against the
 * node's own (light) fill and, in the light theme, against the drawing's background too; in the
 * dark theme the light fill itself sets the node apart from the dark background.
 *
 * @param theme - the MUI theme
 * @param border - the wanted border colour (a status's, or the selection's)
 * @param fill - the node's fill
 */
export function visibleBorderColor(
  theme: Theme,
  border: string,
  fill: string,
): string {
  const against =
    theme.palette.type === 'dark' ? [fill] : [fill, ...cardSurfaces(theme)];
  return readableOn(border, against, GRAPHIC_CONTRAST);
}
