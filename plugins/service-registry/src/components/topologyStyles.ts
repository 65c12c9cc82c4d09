import {
  GLOBAL_PROJECT_KEY,
  NO_OWNER_KEY,
  NodeStatus,
} from '../lib/graph-transformations';

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
