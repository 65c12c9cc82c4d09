import { ReactNode, useContext } from 'react';
import { Box, List, ListItem, Typography, makeStyles } from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { DeprecationRecord } from '../../api/types';
import {
  DeprecationStatusChip,
  formatEffort,
  sunsetDistance,
} from '../DeprecationTimeline/deprecationFormat';
import {
  BurnDownButton,
  DeprecatedServiceName,
  ReplacementText,
  RowSelectionContext,
} from './deprecationParts';
import { useEntryListStyles } from '../entryListStyles';
import { useShowMore } from '../useShowMore';

const useStyles = makeStyles(theme => ({
  // inside its card, which has no padding of its own
  item: { padding: theme.spacing(1.5, 1) },
  // as the table marks its selected row: a bar in the primary colour at its start, on the page's
  // background
  selected: {
    backgroundColor: theme.palette.background.default,
    boxShadow: `inset 4px 0 0 ${theme.palette.primary.main}`,
  },
}));

/** Props of {@link DeprecationsList}. */
export interface DeprecationsListProps {
  /** What the list is headed by (`Deprecated services (N)`). */
  title: string;
  /** The deprecated services, in the order they are listed. */
  items: DeprecationRecord[];
  /** Shown instead of the list when no service matches the filters. */
  emptyContent: ReactNode;
  /** How many it lists at first, and how many more each "Show more" adds. */
  pageSize: number;
}

/** One deprecated service: its name and status, its dates, consumers, effort and replacement. */
function DeprecationEntry(props: { record: DeprecationRecord }) {
  const classes = useEntryListStyles();
  const { record: r } = props;
  const fact = (term: string, value: ReactNode) => (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <>
      <Box className={classes.heading}>
        <div className={classes.name}>
          <DeprecatedServiceName record={r} />
        </div>
        <DeprecationStatusChip status={r.status} lifecycle={r.lifecycle} />
      </Box>
      <Typography variant="body2" component="dl" className={classes.facts}>
        {fact('Deprecated', r.deprecationDate ?? '—')}
        {fact(
          'Sunset',
          r.sunsetDate
            ? `${r.sunsetDate}, ${sunsetDistance(r.daysToSunset, r.status)}`
            : sunsetDistance(r.daysToSunset, r.status),
        )}
        {fact('Consumers', r.remainingConsumers)}
        {fact('Effort', formatEffort(r.remainingEffortHours))}
        {fact('Replacement', <ReplacementText record={r} />)}
      </Typography>
      <BurnDownButton service={r.service} />
    </>
  );
}

/**
 * The deprecations page's table for a narrow screen (a phone): each deprecated service a few lines
 * that use the screen's width (its name, owner and project with its status; its deprecation and
 * sunset dates, consumers, effort and replacement; its burn-down button), instead of a table seven
 * columns wide that scrolls sideways. It lists `pageSize` services, and more on request; the
 * selected service (of the timeline or a list's button) is marked as the table marks its row.
 */
export function DeprecationsList(props: DeprecationsListProps) {
  const classes = useStyles();
  const listClasses = useEntryListStyles();
  const { title, items, emptyContent, pageSize } = props;
  const { selected } = useContext(RowSelectionContext);
  const { shown, more } = useShowMore(items, pageSize);
  return (
    <InfoCard
      title={title}
      titleTypographyProps={{ component: 'h2' }}
      noPadding
    >
      {items.length === 0 ? (
        emptyContent
      ) : (
        <List className={listClasses.list} aria-label={title}>
          {shown.map(record => (
            <ListItem
              key={record.service}
              divider
              className={`${listClasses.item} ${classes.item} ${
                record.service === selected ? classes.selected : ''
              }`}
              aria-current={record.service === selected ? 'true' : undefined}
            >
              <DeprecationEntry record={record} />
            </ListItem>
          ))}
        </List>
      )}
      {more && <Box padding={1}>{more}</Box>}
    </InfoCard>
  );
}
