import { Box, Typography, makeStyles, useTheme } from '@material-ui/core';
import {
  EDGE_COLORS,
  NEUTRAL_FILL,
  STATUS_STYLES,
  visibleBorderColor,
  visibleEdgeColor,
} from '../topologyStyles';
import { NodeStatus } from '../../lib/graph-transformations';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    alignItems: 'center',
    marginTop: theme.spacing(1),
  },
  item: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) },
  swatch: {
    width: 22,
    height: 14,
    borderRadius: 3,
    borderWidth: 2,
    // a node's neutral fill: the border reads on it as on the nodes of the drawing
    background: NEUTRAL_FILL,
  },
  line: { width: 26, height: 0, borderTopWidth: 2 },
}));

/**
 * Props of {@link TopologyLegend}.
 *
 * @public
 */
export interface TopologyLegendProps {
  /** Statuses to explain (default: the flagged ones and GA). */
  statuses?: NodeStatus[];
  /** Colour categories to explain (project or owner → fill). */
  categories?: { label: string; color: string }[];
  /** Explain the impact colour too. */
  impact?: boolean;
}

/**
 * The legend of a topology drawing: status borders, edge kinds and colour categories, in the
 * colours the drawing gives them in the theme ({@link visibleBorderColor},
 * {@link visibleEdgeColor}).
 *
 * @public
 */
export function TopologyLegend(props: TopologyLegendProps) {
  const classes = useStyles();
  const theme = useTheme();
  const statuses = props.statuses ?? [
    'ga',
    'development',
    'deprecated',
    'retired',
    'missing',
  ];
  const edges = [
    { label: 'depends on', color: EDGE_COLORS.normal, style: 'solid' },
    { label: 'optional', color: EDGE_COLORS.normal, style: 'dashed' },
    { label: 'cross-project', color: EDGE_COLORS.crossProject, style: 'solid' },
    { label: 'cycle', color: EDGE_COLORS.cycle, style: 'solid' },
    ...(props.impact
      ? [{ label: 'impact', color: EDGE_COLORS.impact, style: 'solid' }]
      : []),
  ];
  return (
    <Box className={classes.root} role="list" aria-label="Legend">
      {statuses.map(status => (
        <span key={status} className={classes.item} role="listitem">
          <span
            className={classes.swatch}
            data-swatch
            style={{
              borderColor: visibleBorderColor(
                theme,
                STATUS_STYLES[status].border,
                NEUTRAL_FILL,
              ),
              borderStyle: STATUS_STYLES[status].borderStyle,
            }}
          />
          <Typography variant="caption">
            {STATUS_STYLES[status].label}
          </Typography>
        </span>
      ))}
      {edges.map(edge => (
        <span key={edge.label} className={classes.item} role="listitem">
          <span
            className={classes.line}
            data-swatch
            style={{
              borderTopColor: visibleEdgeColor(theme, edge.color),
              borderTopStyle: edge.style as 'solid',
            }}
          />
          <Typography variant="caption">{edge.label}</Typography>
        </span>
      ))}
      {props.categories?.map(category => (
        <span key={category.label} className={classes.item} role="listitem">
          <span
            className={classes.swatch}
            data-swatch
            style={{
              background: category.color,
              borderColor: category.color,
              borderStyle: 'solid',
            }}
          />
          <Typography variant="caption">{category.label}</Typography>
        </span>
      ))}
    </Box>
  );
}
