import { ReactNode } from 'react';
import {
  LinearProgress,
  List,
  ListItem,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { RegistryFindingItem } from '../../api/types';
import { FindingEntry } from '../EntityServiceRegistryFindingsCard/FindingEntry';
import { useUniqueId } from '../useUniqueId';
import { useShowMore } from '../useShowMore';

const useStyles = makeStyles(theme => ({
  title: { marginBottom: theme.spacing(1) },
  list: { padding: 0 },
  item: {
    display: 'block',
    padding: theme.spacing(1.5, 0),
  },
}));

/**
 * Props of {@link FindingsList}.
 */
export interface FindingsListProps {
  /** What the list is headed by: how many findings of how many it shows. */
  title: string;
  /** The findings, in the order they are listed, each with an id of its own (`withRowIds`). */
  items: Array<RegistryFindingItem & { id: string }>;
  /** The project written for a finding (as the table's project column writes it). */
  projectOf: (finding: RegistryFindingItem) => string | undefined;
  /** Shown instead of the list when there is no finding. */
  emptyContent: ReactNode;
  /** True while the findings it lists are being replaced (a project's are loading). */
  loading?: boolean;
  /** How many findings it lists at first, and how many more each "Show more" adds. */
  pageSize: number;
}

/**
 * The findings page's table for a narrow screen (a phone): each finding a few lines (its
 * severity and code, its message, its service, project and owner, its location) that use the
 * width of the screen, instead of a table six columns wide that scrolls sideways and wraps each
 * message a few words per line. It lists `pageSize` findings, and more on request.
 */
export function FindingsList(props: FindingsListProps) {
  const classes = useStyles();
  const { title, items, projectOf, emptyContent, loading, pageSize } = props;
  const titleId = useUniqueId('findings-list');
  const { shown, more } = useShowMore(items, pageSize);
  return (
    <section aria-labelledby={titleId}>
      <Typography
        variant="h6"
        component="h2"
        id={titleId}
        className={classes.title}
      >
        {title}
      </Typography>
      {loading && <LinearProgress aria-label="Loading the findings" />}
      {items.length === 0 && !loading ? (
        emptyContent
      ) : (
        <List className={classes.list} aria-labelledby={titleId}>
          {shown.map(finding => (
            <ListItem
              key={finding.id}
              divider
              disableGutters
              className={classes.item}
            >
              <FindingEntry
                finding={finding}
                facts={{ project: projectOf(finding) }}
              />
            </ListItem>
          ))}
        </List>
      )}
      {more}
    </section>
  );
}
