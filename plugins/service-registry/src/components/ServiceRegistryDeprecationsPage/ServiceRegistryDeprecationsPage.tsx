import { useEffect, useMemo, useRef } from 'react';
import {
  Box,
  Chip,
  Grid,
  MenuItem,
  TextField,
  Typography,
  makeStyles,
  useTheme,
} from '@material-ui/core';
import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { RegistryErrorPanel } from '../RegistryErrorPanel';
import { useApi } from '@backstage/core-plugin-api';
import {
  countDeprecations,
  DEPRECATION_STATUSES,
  GLOBAL_PROJECT_ID,
} from '@service-registry/plugin-service-registry-common';
import { AsyncContent } from '../AsyncContent';
import { RegistryPage } from '../RegistryPage';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import {
  DeprecationRecord,
  DeprecationsResponse,
  DeprecationStatus,
} from '../../api/types';
import { BurnDownChart } from '../BurnDownChart';
import { DeprecationTimeline } from '../DeprecationTimeline';
import { DEPRECATION_TIMELINE_MAX_BARS } from '../DeprecationTimeline/DeprecationTimeline';
import {
  DEPRECATION_STATUS_LABELS,
  DeprecationStatusChip,
  deprecationStatusColors,
  formatEffort,
  sunsetDistance,
} from '../DeprecationTimeline/deprecationFormat';
import { sizedToContent } from '../sizedToContent';
import { useQueryFilters } from '../useQueryFilters';
import { useTableRowClick } from '../useTableRowClick';
import { matchesDeprecationSearch } from './deprecationSearch';
import { searchTerms } from '../searchTerms';
import { GLOBAL_SERVICES_LABEL } from '../../lib/serviceProjectLabel';
import { usePageTextStyles } from '../usePageTextStyles';
import { usePageRegistry } from '../usePageRegistry';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';
import {
  BurnDownButton,
  DeprecatedServiceName,
  ReplacementText,
  RowSelection,
  RowSelectionContext,
} from './deprecationParts';
import { DeprecationsList } from './DeprecationsList';
import {
  DEPRECATION_SORT_FIELDS,
  DeprecationSortField,
  DeprecationSorting,
} from './deprecationSorting';
import { sortByField } from '../sortRows';
import { querySortingOf, readQuerySorting } from '../querySorting';
import { useQueryTable } from '../useQueryTable';
import { SortMenu } from '../SortMenu';
import {
  PAGE_SIZE,
  PAGE_SIZES,
  Paging,
  queryPagingOf,
  readQueryPaging,
} from '../queryPaging';
import { useNarrowScreen } from '../useNarrowScreen';

const useStyles = makeStyles(theme => ({
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
  filter: { minWidth: 180 },
}));

/**
 * Props of {@link ServiceRegistryDeprecationsPage}.
 *
 * @public
 */
export interface ServiceRegistryDeprecationsPageProps {
  /**
   * The registry (catalog provider) id. A link's `?registry=` comes first; without either, the
   * page names no registry and the backend answers its only one (or `default` among several).
   */
  registry?: string;
  /** Page title (default "Deprecations"). */
  title?: string;
}

/**
 * The table's body when no row matches. One element for all renders: Backstage's `Table` makes its
 * body anew, every row mounted again (and the focus in a row lost), whenever `emptyContent` is
 * another element.
 */
const NO_MATCHING_ROW = (
  <Box padding={2}>
    <Typography variant="body2">
      No deprecated service matches these filters.
    </Typography>
  </Box>
);

/**
 * A table row: the record, with the replacement id flattened for sorting, and the service's id as
 * the row's (one record per service; with ids, the table keeps the element of a row it still
 * shows when its data changes, and the focus in it).
 */
type Row = DeprecationRecord & { replacementId: string; id: string };

const ALL = '';
/** The global services in the project filter, as the backend writes it (`:global`). */
const GLOBAL = GLOBAL_PROJECT_ID;

const isStatus = (value: string | null): value is DeprecationStatus =>
  (DEPRECATION_STATUSES as readonly string[]).includes(value ?? '');

/** The timeline draws this many bars, the most urgent (a large registry has hundreds). */
const TIMELINE_BARS = DEPRECATION_TIMELINE_MAX_BARS;

type Sorting = DeprecationSorting;

/**
 * The filters and the search's text, the service whose burn-down is shown, and the page and
 * sorting of the table, kept in the query string
 * (`?status=&project=&owner=&q=&service=&page=&pageSize=&sort=&order=`) so that a view survives
 * a reload and the way back from a service's page, and can be shared; an unknown status is no
 * filter (an unknown service is ignored where the records are known). A new filter, search or
 * sorting starts again from the first page.
 */
const QUERY_KEYS = [
  'status',
  'project',
  'owner',
  'service',
  'page',
  'pageSize',
  'sort',
  'order',
  'q',
] as const;

function useDeprecationQuery() {
  const [query, setQuery] = useQueryFilters(QUERY_KEYS);
  const { project, owner, service } = query;
  const status: DeprecationStatus | '' = isStatus(query.status)
    ? query.status
    : ALL;
  return {
    status,
    project,
    owner,
    service,
    /** The page and the sorting of the table as the URL has them, unread. */
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    order: query.order,
    /** The text of the search box. */
    q: query.q,
    setStatus: (value: DeprecationStatus | '') =>
      setQuery({ status: value, page: '' }),
    setProject: (value: string) => setQuery({ project: value, page: '' }),
    setOwner: (value: string) => setQuery({ owner: value, page: '' }),
    setService: (value: string) => setQuery({ service: value }),
    /** Writes a page of the table (the URL is left alone where it says it already). */
    setPaging: (paging: Paging) => setQuery(queryPagingOf(paging)),
    /** Writes the page and the sorting shown, where the URL says others (or unknown ones). */
    setShown: (paging: Paging, sorting: Sorting | undefined) =>
      setQuery({ ...queryPagingOf(paging), ...querySortingOf(sorting) }),
    /** Writes a new sorting of the table, from its first page. */
    setSorting: (sorting: Sorting | undefined) =>
      setQuery({ ...querySortingOf(sorting), page: '' }),
    /** Writes a new text of the search box, from the table's first page. */
    setSearch: (text: string) => setQuery({ q: text, page: '' }),
  };
}

const timelineMoreText =
  (selectedToo: boolean, listedIn: 'table' | 'list') => (hidden: number) =>
    `Showing the ${TIMELINE_BARS} most urgent${
      selectedToo ? ' and the selected service' : ''
    }; ${hidden} more deprecated ${
      hidden === 1 ? 'service is' : 'services are'
    } in the ${listedIn} below.`;

const normalizeOwner = (owner: string) => owner.trim().replace(/^@/, '');

/** The backend's filters, applied in the page: project (or `:global`) and owner. */
function matches(
  record: DeprecationRecord,
  project: string,
  owner: string,
): boolean {
  if (project === GLOBAL && record.project !== null) return false;
  if (
    project !== ALL &&
    project !== GLOBAL &&
    record.project !== project &&
    !record.projects.includes(project)
  ) {
    return false;
  }
  return (
    owner === ALL ||
    (record.owner !== undefined &&
      normalizeOwner(record.owner) === normalizeOwner(owner))
  );
}

/*
 * Seven columns, each sized to its content: with ten (days left, owner and project in their own),
 * the headers alone needed about 1,150 px and, at 1280 px, the table scrolled sideways with ids
 * broken over three lines. Owner and project, which the filters above also choose, are under the
 * service; the days left are under the sunset date.
 */
function useColumns(): TableColumn<Row>[] {
  return useMemo(() => {
    // (each column's title and comparison are those of its field, which the phone's list sorts by)
    const columns: (TableColumn<Row> & { field: DeprecationSortField })[] = [
      {
        field: 'service',
        highlight: true,
        render: r => (
          <>
            {/* a retired service is not in the catalog; its status column says so */}
            <DeprecatedServiceName record={r} />
            <BurnDownButton service={r.service} />
          </>
        ),
      },
      {
        field: 'status',
        render: r => (
          <DeprecationStatusChip status={r.status} lifecycle={r.lifecycle} />
        ),
      },
      {
        field: 'deprecationDate',
        render: r => r.deprecationDate ?? '—',
      },
      {
        field: 'sunsetDate',
        render: r => (
          <>
            {r.sunsetDate ?? '—'}
            <Typography variant="caption" display="block" color="textSecondary">
              {sunsetDistance(r.daysToSunset, r.status)}
            </Typography>
          </>
        ),
      },
      {
        field: 'remainingConsumers',
        type: 'numeric',
        align: 'right',
      },
      {
        field: 'remainingEffortHours',
        type: 'numeric',
        align: 'right',
        render: r => formatEffort(r.remainingEffortHours),
      },
      {
        field: 'replacementId',
        render: r => <ReplacementText record={r} />,
      },
    ];
    return columns.map(column => {
      const { label, compare } = DEPRECATION_SORT_FIELDS[column.field];
      return sizedToContent({
        ...column,
        title: label,
        customSort: (a: Row, b: Row) => compare(a, b),
      });
    });
  }, []);
}

/** The burn-down of the selected service. */
function SelectedBurnDown(props: {
  service?: string;
  registry?: string;
  today: string;
  /** Where the services are listed below the timeline: in a table, or (on a phone) a list. */
  listedIn: 'table' | 'list';
}) {
  const { service, registry, today, listedIn } = props;
  const api = useApi(serviceRegistryApiRef);
  const { value, loading, error } = useAbortableAsync(
    async signal =>
      service
        ? api.getDeprecation(service, { registry, today }, { signal })
        : undefined,
    [api, service, registry, today],
  );
  let body: JSX.Element;
  if (!service) {
    body = (
      <Typography variant="body2" color="textSecondary">
        Select a service in the timeline or the {listedIn} below to see how its
        consumers went down.
      </Typography>
    );
  } else if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <RegistryErrorPanel
        error={error}
        title={`Could not load the burn-down of ${service}`}
      />
    );
  } else if (!value) {
    body = <Progress />;
  } else {
    body = (
      <>
        <Typography variant="body2" gutterBottom>
          {value.record.message}
        </Typography>
        <BurnDownChart
          history={value.history}
          sunsetDate={value.record.sunsetDate}
          subject={service}
        />
      </>
    );
  }
  return (
    <InfoCard
      title={service ? `Burn-down of ${service}` : 'Burn-down'}
      titleTypographyProps={{ component: 'h2' }}
    >
      {body}
    </InfoCard>
  );
}

/** The page's body once the deprecations are loaded. */
function Deprecations(props: {
  response: DeprecationsResponse;
  registry?: string;
}) {
  const { response, registry } = props;
  const classes = useStyles();
  const pageText = usePageTextStyles();
  const theme = useTheme();
  const colors = deprecationStatusColors(theme);
  const unsorted = useColumns();
  const query = useDeprecationQuery();
  const {
    status,
    project,
    owner,
    q,
    service,
    setStatus,
    setProject,
    setOwner,
    setService,
    setPaging,
    setShown,
    setSorting,
    setSearch,
  } = query;
  // a service of a shared link that is not (or no longer) deprecated is ignored
  const selected = response.items.some(r => r.service === service)
    ? service
    : undefined;

  const { projects, owners } = useMemo(() => {
    const p = new Set<string>();
    const o = new Map<string, string>();
    let global = false;
    for (const r of response.items) {
      if (r.project === null) global = true;
      else p.add(r.project);
      r.projects.forEach(x => p.add(x));
      if (r.owner && !o.has(normalizeOwner(r.owner))) {
        o.set(normalizeOwner(r.owner), r.owner);
      }
    }
    // a project or owner from a shared link that no longer has deprecations stays choosable
    if (project !== ALL && project !== GLOBAL) p.add(project);
    if (owner !== ALL && !o.has(normalizeOwner(owner))) {
      o.set(normalizeOwner(owner), owner);
    }
    return {
      projects: [
        ...[...p].sort(),
        ...(global || project === GLOBAL ? [GLOBAL] : []),
      ],
      owners: [...o.values()].sort(),
    };
  }, [response, project, owner]);

  // the project, the owner and the search: the counts, the timeline and the table follow them
  const scoped = useMemo(() => {
    const terms = searchTerms(q);
    return response.items.filter(
      r => matches(r, project, owner) && matchesDeprecationSearch(r, terms),
    );
  }, [response, project, owner, q]);
  const counts = useMemo(() => countDeprecations(scoped), [scoped]);
  const retiredOverdue = scoped.filter(
    r => r.lifecycle === 'retired' && r.status === 'overdue',
  ).length;
  const visible = useMemo(
    () => scoped.filter(r => status === ALL || r.status === status),
    [scoped, status],
  );
  const rows: Row[] = useMemo(
    () =>
      visible.map(r => ({
        ...r,
        id: r.service,
        replacementId: r.replacement?.id ?? '',
      })),
    [visible],
  );
  // the page of the table is the URL's: a shared link's, the one of the way back to the page, the
  // first one for a new filter (the table keeps its sorting); a page past the end is the last
  const paging = readQueryPaging(
    { page: query.page, pageSize: query.pageSize },
    rows.length,
  );
  const { page, pageSize } = paging;

  // the sorting of the URL, by a column's field: its column opens sorted (its arrow shown)
  const sorting = useMemo(
    () =>
      readQuerySorting(DEPRECATION_SORT_FIELDS, {
        sort: query.sort,
        order: query.order,
      }),
    [query.sort, query.order],
  );
  // (the sorted column follows the table's own sorting too: material-table sorts again by a
  // `defaultSort` that is not its sorting when its columns or options change)
  const columns = useMemo(
    () =>
      unsorted.map(c =>
        sorting && c.field === sorting.field
          ? { ...c, defaultSort: sorting.direction }
          : c,
      ),
    [unsorted, sorting],
  );
  // the table opens again where the URL says another page or sorting than it shows (a link, a
  // new filter)
  const table = useQueryTable({
    paging,
    sorting,
    columns,
    fields: DEPRECATION_SORT_FIELDS,
    setPaging,
    setSorting,
  });
  // and the URL says the page and the sorting shown (not a page past the end, an unknown column,
  // nor the defaults)
  useEffect(() => setShown(paging, sorting));
  // the selected service's bar, drawn past the most urgent ones when it is not among them
  const selectedTooFar =
    selected !== undefined &&
    visible.findIndex(r => r.service === selected) >= TIMELINE_BARS;

  // the rows' buttons select through the latest setter (it writes into the URL of this render)
  const selectService = useRef(setService);
  selectService.current = setService;
  const rowSelection = useMemo<RowSelection>(
    () => ({ selected, select: id => selectService.current(id) }),
    [selected],
  );

  // a phone gets a list: the table's seven columns do not fit its width; it lists the services in
  // the order the table's headers would sort them by
  const narrow = useNarrowScreen();
  const listed = useMemo(
    () => (narrow ? sortByField(rows, DEPRECATION_SORT_FIELDS, sorting) : rows),
    [narrow, rows, sorting],
  );
  // on a phone the burn-down is above the list, out of sight: a list's button brings it into view
  const burnDown = useRef<HTMLDivElement>(null);
  const listSelection = useMemo<RowSelection>(
    () => ({
      selected,
      select: id => {
        selectService.current(id);
        burnDown.current?.scrollIntoView?.({ block: 'start' });
      },
    }),
    [selected],
  );

  // a click anywhere else on a row selects it too (not one on its links, which leave the page)
  const onRowClick = useTableRowClick<Row>(row => setService(row.service));

  // what the filters and the search box share: outlined, small, their labels always above them in
  // a colour that reads on the page
  const fieldProps = {
    variant: 'outlined',
    size: 'small',
    className: classes.filter,
    InputLabelProps: { shrink: true, className: pageText.secondary },
  } as const;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ul className={classes.counts} aria-label="Deprecations by status">
          <li>
            <Chip
              label={`All: ${counts.total}`}
              clickable
              variant={status === ALL ? 'default' : 'outlined'}
              onClick={() => setStatus(ALL)}
              aria-pressed={status === ALL}
            />
          </li>
          {DEPRECATION_STATUSES.map(s => (
            <li key={s}>
              <Chip
                label={`${DEPRECATION_STATUS_LABELS[s]}: ${counts[s]}${
                  s === 'overdue' && retiredOverdue > 0
                    ? ` (${retiredOverdue} retired)`
                    : ''
                }`}
                clickable
                variant={status === s ? 'default' : 'outlined'}
                style={{ borderColor: colors[s], borderWidth: 2 }}
                onClick={() => setStatus(status === s ? ALL : s)}
                aria-pressed={status === s}
              />
            </li>
          ))}
        </ul>
        <Box className={classes.filters}>
          <TextField
            select
            id="deprecations-status-filter"
            label="Status"
            value={status}
            onChange={e => setStatus(e.target.value as DeprecationStatus | '')}
            {...fieldProps}
            SelectProps={{ displayEmpty: true }}
          >
            <MenuItem value={ALL}>All statuses</MenuItem>
            {DEPRECATION_STATUSES.map(s => (
              <MenuItem key={s} value={s}>
                {DEPRECATION_STATUS_LABELS[s]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            id="deprecations-project-filter"
            label="Project"
            value={project}
            onChange={e => setProject(e.target.value)}
            {...fieldProps}
            SelectProps={{ displayEmpty: true }}
          >
            <MenuItem value={ALL}>All projects</MenuItem>
            {projects.map(p => (
              <MenuItem key={p} value={p}>
                {p === GLOBAL ? GLOBAL_SERVICES_LABEL : p}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            id="deprecations-owner-filter"
            label="Owner"
            value={
              owners.find(o => normalizeOwner(o) === normalizeOwner(owner)) ??
              owner
            }
            onChange={e => setOwner(e.target.value)}
            {...fieldProps}
            SelectProps={{ displayEmpty: true }}
          >
            <MenuItem value={ALL}>All owners</MenuItem>
            {owners.map(o => (
              <MenuItem key={o} value={o}>
                {o}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="search"
            id="deprecations-search"
            label="Search"
            placeholder="Service, owner, project, date…"
            value={q}
            onChange={e => setSearch(e.target.value)}
            {...fieldProps}
          />
          {narrow && (
            // the list has no column headers to sort by
            <SortMenu
              id="deprecations-sort"
              fields={DEPRECATION_SORT_FIELDS}
              sorting={sorting}
              unsortedLabel="Most urgent first"
              onChange={setSorting}
              className={classes.filter}
              labelClassName={pageText.secondary}
            />
          )}
        </Box>
      </Grid>
      <Grid item xs={12} lg={8}>
        <InfoCard
          title="Timeline"
          titleTypographyProps={{ component: 'h2' }}
          subheader="From deprecation to sunset; select a bar to see its burn-down"
        >
          <DeprecationTimeline
            items={visible}
            today={response.today}
            selected={selected}
            onSelect={setService}
            maxBars={TIMELINE_BARS}
            moreText={timelineMoreText(
              selectedTooFar,
              narrow ? 'list' : 'table',
            )}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={4} ref={burnDown}>
        <SelectedBurnDown
          service={selected}
          registry={registry}
          today={response.today}
          listedIn={narrow ? 'list' : 'table'}
        />
      </Grid>
      <Grid item xs={12}>
        {narrow ? (
          <RowSelectionContext.Provider value={listSelection}>
            <DeprecationsList
              // (a list of other services, or in another order, starts again at its first page)
              key={JSON.stringify([status, project, owner, q, sorting])}
              title={`Deprecated services (${rows.length})`}
              items={listed}
              emptyContent={NO_MATCHING_ROW}
              pageSize={PAGE_SIZE}
            />
          </RowSelectionContext.Provider>
        ) : (
          <RowSelectionContext.Provider value={rowSelection}>
            <Table<Row>
              key={table.opened}
              title={`Deprecated services (${rows.length})`}
              columns={columns}
              data={rows}
              onRowClick={onRowClick}
              // its pager, and its sorting, which goes back to the first page
              onPageChange={table.onPageChange}
              onOrderChange={table.onOrderChange}
              options={{
                // no column dragging: its handle would be a second button nested in each sort button
                draggable: false,
                // pages past PAGE_SIZE rows only: a small registry's table stays whole, no pager
                paging: rows.length > PAGE_SIZE,
                // where the table opens (it follows the URL afterwards)
                initialPage: page,
                pageSize,
                pageSizeOptions: PAGE_SIZES,
                padding: 'dense',
                // the page's search box, above, filters the counts and the timeline too
                search: false,
                // the selected row: a bar in the primary colour at its start, on the page's
                // background, which its secondary text and links still read on (the theme's
                // "selected" grey takes them below 4.5:1)
                rowStyle: row =>
                  row.service === selected
                    ? {
                        backgroundColor: theme.palette.background.default,
                        boxShadow: `inset 4px 0 0 ${theme.palette.primary.main}`,
                      }
                    : {},
              }}
              emptyContent={NO_MATCHING_ROW}
            />
          </RowSelectionContext.Provider>
        )}
      </Grid>
    </Grid>
  );
}

/**
 * Every deprecated service of the registry (and every retired one still in use) with its
 * migration numbers: status, deprecation and sunset dates, days left, consumers left, remaining
 * effort, replacement (under one that is not live, the live end of its replacements to migrate
 * to, or that there is none and to ask the owners) and owner, in a sortable table; counts per
 * status on top, filters by status, project and owner and a search (which the counts, the
 * timeline and the table follow), a timeline from deprecation to sunset with today marked, and the
 * burn-down of the service selected in the timeline or the table.
 *
 * @public
 */
export function ServiceRegistryDeprecationsPage(
  props: ServiceRegistryDeprecationsPageProps,
) {
  const { title = 'Deprecations' } = props;
  const registry = usePageRegistry(props.registry);
  const api = useApi(serviceRegistryApiRef);
  const state = useAbortableAsync(
    signal => api.getDeprecations({ registry }, { signal }),
    [api, registry],
  );
  const value = state.value;
  const subtitle = value
    ? `${value.counts.total} deprecated or retired services · registry "${value.registry}" · days counted from ${value.today}`
    : 'Migrations off deprecated services';
  return (
    <RegistryPage
      title={title}
      subtitle={subtitle}
      contentTitle="Migrations off deprecated services"
    >
      <AsyncContent
        state={state}
        errorTitle="Could not load the deprecations"
        isEmpty={response => response.items.length === 0}
        empty={{
          title: 'No deprecated services',
          description:
            'No service of the registry is deprecated, and no retired service is still in use.',
        }}
      >
        {response => (
          <ServiceEntityRefsProvider registry={response.registry}>
            <Deprecations response={response} registry={registry} />
          </ServiceEntityRefsProvider>
        )}
      </AsyncContent>
    </RegistryPage>
  );
}
