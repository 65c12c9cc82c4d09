import { useCallback, useEffect, useMemo } from 'react';
import {
  Box,
  Chip,
  MenuItem,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { AsyncContent } from '../AsyncContent';
import { RegistryErrorPanel } from '../RegistryErrorPanel';
import { RegistryPage } from '../RegistryPage';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import {
  FindingSeverity,
  FindingsResponse,
  RegistryFindingItem,
} from '../../api/types';
import {
  compareFindings,
  countBySeverity,
  countLabel,
  FindingLocation,
  isParseFinding,
  isSeverity,
  notLoadedReason,
  SEVERITIES,
  SeverityChip,
} from '../EntityServiceRegistryFindingsCard/findingParts';
import { sizedToContent } from '../sizedToContent';
import { SortMenu } from '../SortMenu';
import { sortByField } from '../sortRows';
import {
  FINDING_SORT_FIELDS,
  FindingSortField,
  FindingSorting,
} from './findingSorting';
import { useQueryFilters } from '../useQueryFilters';
import { querySortingOf, readQuerySorting } from '../querySorting';
import { useQueryTable } from '../useQueryTable';
import {
  PAGE_SIZE,
  PAGE_SIZES,
  Paging,
  queryPagingOf,
  readQueryPaging,
} from '../queryPaging';
import { hasEveryTerm, searchTerms } from '../searchTerms';
import { formatSnapshotTime } from '../../lib/formatSnapshotTime';
import { GLOBAL_SERVICES_LABEL } from '../../lib/serviceProjectLabel';
import { usePageTextStyles } from '../usePageTextStyles';
import { usePageRegistry } from '../usePageRegistry';
import { useLastSettled } from '../useLastSettled';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';
import { withRowIds } from '../tableRowIds';
import { FindingsList } from './FindingsList';
import { useNarrowScreen } from '../useNarrowScreen';
import { FindingServiceLink } from '../EntityServiceRegistryFindingsCard/FindingEntry';

const useStyles = makeStyles(theme => ({
  alert: { marginBottom: theme.spacing(2) },
  parseList: {
    margin: theme.spacing(1, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: 180 },
  code: { marginTop: theme.spacing(0.5) },
}));

/**
 * Props of {@link ServiceRegistryFindingsPage}.
 *
 * @public
 */
export interface ServiceRegistryFindingsPageProps {
  /**
   * The registry (catalog provider) id. A link's `?registry=` comes first; without either, the
   * page names no registry and the backend answers its only one (or `default` among several).
   */
  registry?: string;
  /** Page title (default "Registry findings"). */
  title?: string;
}

/** The filters of the page, as kept in the query string (`?severity=&project=&owner=`). */
interface FindingFilters {
  severity?: FindingSeverity;
  /** A project id, or `:global` (`GLOBAL_PROJECT_ID`) for the global services. */
  project?: string;
  owner?: string;
  /** The words of the search box (see `searchTerms`). */
  terms: string[];
}

type FilterKey = 'severity' | 'project' | 'owner' | 'q';

/**
 * The filters, the page and the sorting of the table, kept in the query string
 * (`?severity=&project=&owner=&q=&page=&pageSize=&sort=&order=`) so that a view survives a reload
 * and the way back from a service's page, and can be shared. A new filter, search or sorting
 * starts again from the first page.
 */
const QUERY_KEYS = [
  'severity',
  'project',
  'owner',
  'q',
  'page',
  'pageSize',
  'sort',
  'order',
] as const;

const withoutAt = (owner: string) => owner.trim().replace(/^@/, '');

function readFilters(written: Record<FilterKey, string>): FindingFilters {
  const { severity, project, owner, q } = written;
  return {
    severity: isSeverity(severity) ? severity : undefined,
    project: project || undefined,
    owner: owner ? withoutAt(owner) : undefined,
    terms: searchTerms(q),
  };
}

type Sorting = FindingSorting;

/** How the table opens: errors first. */
const DEFAULT_SORTING: Sorting = { field: 'severity', direction: 'asc' };

/**
 * What tells two findings apart: to find those the backend counts as a project's, and the id of a
 * finding's row.
 */
const findingKey = (f: RegistryFindingItem) =>
  [f.code, f.file, f.line, f.column, f.service ?? '', f.message].join('\u0000');

/** The registry file of the global services (those of no project). */
const CATALOG_FILE = 'services/catalog.toml';

/**
 * The project a finding's row shows: the finding's own; under a project's filter, that project
 * (the backend said the finding is the project's); "Global services" for a finding of the global
 * services (about a global service, or in `services/catalog.toml`, as the `:global` filter counts
 * them), as the project filter writes them. Undefined for a finding of no project and no declared
 * service (such as a release of a service no file declares).
 *
 * @param finding - the finding
 * @param filter - the project filter, a project id or `:global`, if any
 */
function projectText(
  finding: RegistryFindingItem,
  filter: string | undefined,
): string | undefined {
  if (finding.project) return finding.project;
  if (filter && filter !== GLOBAL_PROJECT_ID) return filter;
  const global =
    filter === GLOBAL_PROJECT_ID ||
    finding.file === CATALOG_FILE ||
    // the backend names the project of a project's service: a declared one without is global
    (finding.service !== undefined && finding.serviceDeclared !== false);
  return global ? GLOBAL_SERVICES_LABEL : undefined;
}

function matches(
  finding: RegistryFindingItem,
  filters: FindingFilters,
  projectKeys: Set<string> | undefined,
  ignore?: FilterKey,
): boolean {
  if (
    ignore !== 'severity' &&
    filters.severity &&
    finding.severity !== filters.severity
  ) {
    return false;
  }
  if (
    ignore !== 'project' &&
    filters.project &&
    // which findings are a project's is the backend's rule: it answers them (see
    // useProjectFindingKeys)
    !projectKeys?.has(findingKey(finding))
  ) {
    return false;
  }
  if (
    ignore !== 'owner' &&
    filters.owner &&
    (!finding.owner || withoutAt(finding.owner) !== filters.owner)
  ) {
    return false;
  }
  // the search: each word in the texts the finding's row shows
  return hasEveryTerm(
    [
      finding.severity,
      finding.service,
      projectText(finding, filters.project),
      finding.owner,
      finding.message,
      finding.code,
      finding.file,
    ],
    filters.terms,
  );
}

/** An option of a filter: its value and its words. */
interface FilterOption {
  value: string;
  label: string;
}

/** The sorted distinct values, plus the selected one when the data no longer holds it. */
function choices(
  values: Array<string | undefined>,
  selected?: string,
): FilterOption[] {
  const set = new Set(values.filter((v): v is string => Boolean(v)));
  if (selected) set.add(selected);
  return [...set]
    .sort((a, b) => a.localeCompare(b))
    .map(value => ({ value, label: value }));
}

/** The project filter's options: the projects present, then the global services. */
function projectChoices(
  findings: RegistryFindingItem[],
  selected?: string,
): FilterOption[] {
  const global =
    selected === GLOBAL_PROJECT_ID || findings.some(f => !f.project);
  return [
    ...choices(
      findings.map(f => f.project),
      selected === GLOBAL_PROJECT_ID ? undefined : selected,
    ),
    ...(global
      ? [{ value: GLOBAL_PROJECT_ID, label: GLOBAL_SERVICES_LABEL }]
      : []),
  ];
}

/**
 * Every validation finding of a service registry in a sortable table, filterable by severity,
 * project and owner (kept in the URL), with the counts by severity and the provider's state: a
 * degraded or blocked run, and the files that are not loaded (they do not parse, or are above the
 * size limit for a registry file), are shown on top.
 *
 * @public
 */
export function ServiceRegistryFindingsPage(
  props: ServiceRegistryFindingsPageProps,
) {
  const { title = 'Registry findings' } = props;
  const registry = usePageRegistry(props.registry);
  const api = useApi(serviceRegistryApiRef);
  const state = useAbortableAsync(
    signal => api.getFindings({ registry }, { signal }),
    [api, registry],
  );
  const value = state.value;
  const subtitle = value
    ? `Registry "${value.registry}" · ${
        value.rootLocation
      } · updated ${formatSnapshotTime(value.updatedAt)}`
    : 'Validation findings of the service registry';
  return (
    <RegistryPage
      title={title}
      subtitle={subtitle}
      contentTitle="Validation findings"
    >
      <AsyncContent
        state={state}
        errorTitle="Could not load the registry findings"
      >
        {response => (
          <ServiceEntityRefsProvider registry={response.registry}>
            <FindingsView response={response} registry={registry} />
          </ServiceEntityRefsProvider>
        )}
      </AsyncContent>
    </RegistryPage>
  );
}

/** The provider's state when its last run was not clean. */
function StateAlert(props: { response: FindingsResponse }) {
  const classes = useStyles();
  const { response } = props;
  if (response.state === 'ok') return null;
  const parseErrors = response.items.filter(isParseFinding);
  const blocked = response.state === 'blocked';
  return (
    <Alert severity={blocked ? 'error' : 'warning'} className={classes.alert}>
      <AlertTitle>
        {blocked
          ? 'The last refresh of the registry was blocked: the catalog keeps its previous state'
          : 'The registry is degraded: the catalog shows the last good version of some files'}
      </AlertTitle>
      {response.summary}
      {parseErrors.length > 0 && (
        <ul
          className={classes.parseList}
          aria-label="Files that are not loaded"
        >
          {parseErrors.map((finding, index) => (
            <li key={`${finding.file}:${finding.line}:${index}`}>
              {finding.file} {notLoadedReason(finding)} (at{' '}
              <FindingLocation finding={finding} />
              ); the catalog keeps its last good version.
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/**
 * The keys of the findings of the project the filter asks for (`?project=<id>`, or
 * `?project=:global` for the global services), as the backend answers them: a finding about the
 * project or about one of its services, the rule the System card counts them by
 * (`isFindingOfProject`). The page cannot tell by itself: a finding about a service need not name
 * its project (a release in `services/versions.toml`), and its answer does not say which project a
 * service is in. Undefined without a project filter, and while the answer for it loads.
 */
function useProjectFindingKeys(
  registry: string | undefined,
  project: string | undefined,
) {
  const api = useApi(serviceRegistryApiRef);
  const state = useAbortableAsync(
    async signal => {
      if (!project) return undefined;
      const answer = await api.getFindings({ registry, project }, { signal });
      return { project, keys: new Set(answer.items.map(findingKey)) };
    },
    [api, registry, project],
  );
  // the answer for the project asked, not the previous one while the next loads
  const keys =
    project && state.value?.project === project ? state.value.keys : undefined;
  return { keys, error: project ? state.error : undefined };
}

function FindingsView(props: {
  response: FindingsResponse;
  registry: string | undefined;
}) {
  const classes = useStyles();
  const pageText = usePageTextStyles();
  const { response, registry } = props;
  const [inQuery, setQuery] = useQueryFilters(QUERY_KEYS);
  // (the same object while the filters stay: the table's page and sorting are not filters)
  const filters = useMemo(
    () =>
      readFilters({
        severity: inQuery.severity,
        project: inQuery.project,
        owner: inQuery.owner,
        q: inQuery.q,
      }),
    [inQuery.severity, inQuery.project, inQuery.owner, inQuery.q],
  );
  const wantsProject = filters.project !== undefined;
  const { keys: projectKeys, error: projectError } = useProjectFindingKeys(
    registry,
    filters.project,
  );

  const setFilter = useCallback(
    (key: FilterKey, next: string | undefined) =>
      setQuery({ [key]: next ?? '', page: '' }),
    [setQuery],
  );

  const all = useMemo(
    () => withRowIds([...response.items].sort(compareFindings), findingKey),
    [response],
  );
  const counts = useMemo(
    () =>
      countBySeverity(
        all.filter(f => matches(f, filters, projectKeys, 'severity')),
      ),
    [all, filters, projectKeys],
  );
  const rows = useMemo(
    // material-table writes its state into the row objects: hand it copies (with their ids, so
    // that the rows a filter keeps keep their elements)
    () =>
      all.filter(f => matches(f, filters, projectKeys)).map(f => ({ ...f })),
    [all, filters, projectKeys],
  );
  // while a project's findings load, the table stays (its title, sorting and columns) with a
  // loading row for a body, and the counts keep what they showed, instead of the table giving
  // way to a progress bar and coming back
  const loadingProject = wantsProject && !projectError && !projectKeys;
  const shown = useLastSettled({ rows, counts }, loadingProject);
  const projects = projectChoices(all, filters.project);
  const owners = choices(
    all.map(f => (f.owner ? withoutAt(f.owner) : undefined)),
    filters.owner,
  );

  // the sorting the user chose (none after a third click on its column), kept in the URL
  // (`?sort=&order=`, `?sort=none` for none) as the filters are. The chosen column carries it as
  // its `defaultSort`, since material-table may sort again by a column's `defaultSort` whenever
  // its rows, columns or options change (each key of the search, a chip, a filter), and opens
  // again while a project's findings load
  const sorting = useMemo(
    () =>
      readQuerySorting(
        FINDING_SORT_FIELDS,
        { sort: inQuery.sort, order: inQuery.order },
        DEFAULT_SORTING,
      ),
    [inQuery.sort, inQuery.order],
  );
  const setSorting = useCallback(
    (next: Sorting | undefined) =>
      setQuery({ ...querySortingOf(next, DEFAULT_SORTING), page: '' }),
    [setQuery],
  );
  const setQueryPaging = useCallback(
    (next: Paging) => setQuery(queryPagingOf(next)),
    [setQuery],
  );
  const columns = useFindingColumns(filters.project, sorting);
  // the page of the table is the URL's: a shared link's, the one of the way back from a service's
  // page, the first one for a new filter; a page past the end is the last
  const paging = readQueryPaging(
    { page: inQuery.page, pageSize: inQuery.pageSize },
    shown?.rows.length ?? 0,
  );
  const { page, pageSize } = paging;
  // once its rows are known, the URL says the page and the sorting shown: not a page past the
  // end, an unknown sorting, nor the defaults (a link copied from the page opens it as it is)
  const settled = !loadingProject && !(wantsProject && projectError);
  useEffect(() => {
    if (settled) {
      setQuery({
        ...queryPagingOf({ page, pageSize }),
        ...querySortingOf(sorting, DEFAULT_SORTING),
      });
    }
  }, [settled, page, pageSize, sorting, setQuery]);
  // the table opens again where the URL says another page or sorting than it shows (a link, the
  // sidebar's or a shared one, while the page is open; a new filter)
  const table = useQueryTable({
    paging,
    sorting,
    columns,
    fields: FINDING_SORT_FIELDS,
    setPaging: setQueryPaging,
    setSorting,
  });

  // a phone gets a list: the table's six columns do not fit its width, and its messages wrapped a
  // few words per line (rows about 230 pixels high)
  const narrow = useNarrowScreen();
  // in the order the table's headers would sort them by, chosen on a phone from a menu
  const listed = useMemo(
    () =>
      narrow
        ? sortByField(shown?.rows ?? [], FINDING_SORT_FIELDS, sorting)
        : [],
    [narrow, shown, sorting],
  );
  const tableTitle = shown
    ? `${shown.rows.length} of ${response.items.length} findings`
    : 'Findings';

  const clean = response.items.length === 0;
  // one element while it says the same: Backstage's `Table` makes its body anew, every row mounted
  // again (and the focus in a row lost), whenever `emptyContent` is another element
  const emptyContent = useMemo(
    () => (
      <Box p={2} textAlign="center">
        {clean
          ? 'No findings: the registry is clean'
          : 'No findings match the filters'}
      </Box>
    ),
    [clean],
  );

  return (
    <>
      <StateAlert response={response} />
      <Box
        className={classes.counts}
        role="group"
        aria-label="Findings by severity"
      >
        {SEVERITIES.map(severity => {
          const selected = filters.severity === severity;
          return (
            <Chip
              key={severity}
              label={countLabel(severity, shown?.counts[severity] ?? 0)}
              color={selected ? 'primary' : 'default'}
              variant={selected ? 'default' : 'outlined'}
              aria-pressed={selected}
              onClick={() =>
                setFilter('severity', selected ? undefined : severity)
              }
            />
          );
        })}
      </Box>
      <Box className={classes.filters} role="group" aria-label="Filters">
        <FilterSelect
          id="severity"
          label="Severity"
          value={filters.severity}
          options={SEVERITIES.map(value => ({ value, label: value }))}
          onChange={v => setFilter('severity', v)}
        />
        <FilterSelect
          id="project"
          label="Project"
          value={filters.project}
          options={projects}
          onChange={v => setFilter('project', v)}
        />
        <FilterSelect
          id="owner"
          label="Owner"
          value={filters.owner}
          options={owners}
          onChange={v => setFilter('owner', v)}
        />
        <TextField
          type="search"
          id="findings-search"
          label="Search"
          placeholder="Message, code, service, file…"
          value={inQuery.q}
          onChange={e => setFilter('q', e.target.value || undefined)}
          variant="outlined"
          size="small"
          className={classes.select}
          InputLabelProps={{ shrink: true, className: pageText.secondary }}
        />
        {narrow && (
          // the list has no column headers to sort by
          <SortMenu
            id="findings-sort"
            fields={FINDING_SORT_FIELDS}
            sorting={sorting}
            unsortedLabel="Errors first, then by location"
            onChange={setSorting}
            className={classes.select}
            labelClassName={pageText.secondary}
          />
        )}
      </Box>
      {wantsProject && projectError && (
        <RegistryErrorPanel
          error={projectError}
          title={
            filters.project === GLOBAL_PROJECT_ID
              ? "Could not load the global services' findings"
              : `Could not load the findings of project ${filters.project}`
          }
        />
      )}
      {!(wantsProject && projectError) && narrow && (
        <FindingsList
          // (a list of other findings, or in another order, starts again at its first page)
          key={JSON.stringify([filters, sorting])}
          title={tableTitle}
          items={listed}
          projectOf={f => projectText(f, filters.project)}
          emptyContent={emptyContent}
          loading={loadingProject}
          pageSize={PAGE_SIZE}
        />
      )}
      {!(wantsProject && projectError) && !narrow && (
        <Table<RegistryFindingItem>
          key={table.opened}
          title={tableTitle}
          isLoading={loadingProject}
          columns={columns}
          data={shown?.rows ?? []}
          // its pager, and its sorting, which goes back to the first page
          onPageChange={table.onPageChange}
          onOrderChange={table.onOrderChange}
          options={{
            // no column dragging: its handle would be a second button nested in each sort button
            draggable: false,
            padding: 'dense',
            // the page's search box, above, filters the counts too
            search: false,
            paging: (shown?.rows.length ?? 0) > PAGE_SIZE,
            // where the table opens (it follows the URL afterwards)
            initialPage: page,
            pageSize,
            pageSizeOptions: PAGE_SIZES,
          }}
          emptyContent={emptyContent}
        />
      )}
    </>
  );
}

/**
 * The columns of the table, the same objects from one render to the next while the project
 * filter and the sorting stay, the column sorted by carrying the sorting as its `defaultSort`.
 *
 * @param filteredProject - the project filter, a project id or `:global`, if any
 * @param sorting - the sorting the user chose, if any
 */
function useFindingColumns(
  filteredProject: string | undefined,
  sorting: Sorting | undefined,
): TableColumn<RegistryFindingItem>[] {
  const classes = useStyles();
  return useMemo(() => {
    // (each column sorts by its field's comparison, which the phone's list sorts by too)
    const written: (TableColumn<RegistryFindingItem> & {
      field: FindingSortField;
    })[] = [
      {
        title: 'Severity',
        field: 'severity',
        width: '110px',
        render: f => <SeverityChip severity={f.severity} />,
      },
      {
        title: 'Service',
        field: 'service',
        // a retired service, and one no file declares, has no catalog page: as text
        render: f => (f.service ? <FindingServiceLink finding={f} /> : '—'),
      },
      {
        title: 'Project',
        field: 'project',
        render: f => projectText(f, filteredProject) ?? '—',
      },
      { title: 'Owner', field: 'owner', render: f => f.owner ?? '—' },
      {
        // the code under the message, not in a column of its own: at 1280 px the codes' column
        // left the messages a tenth of the table, a few words per line
        title: 'Finding',
        field: 'message',
        width: '40%',
        // messages keep breaking long URLs
        cellStyle: { minWidth: 280, wordBreak: 'break-word' },
        render: f => (
          <>
            {f.message}
            <Typography
              variant="caption"
              color="textSecondary"
              component="div"
              className={classes.code}
            >
              <code>{f.code}</code>
            </Typography>
          </>
        ),
      },
      {
        title: 'Location',
        field: 'file',
        render: f => <FindingLocation finding={f} />,
      },
    ];
    return written.map(column =>
      sizedToContent({
        ...column,
        customSort: (a: RegistryFindingItem, b: RegistryFindingItem) =>
          FINDING_SORT_FIELDS[column.field].compare(a, b),
        defaultSort:
          sorting && column.field === sorting.field
            ? sorting.direction
            : undefined,
      }),
    );
  }, [classes, filteredProject, sorting]);
}

function FilterSelect(props: {
  id: FilterKey;
  label: string;
  value?: string;
  options: FilterOption[];
  onChange: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  const pageText = usePageTextStyles();
  const { id, label, value, options, onChange } = props;
  return (
    <TextField
      select
      id={`findings-filter-${id}`}
      label={label}
      value={value ?? ''}
      onChange={e => onChange(e.target.value || undefined)}
      variant="outlined"
      size="small"
      className={classes.select}
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true, className: pageText.secondary }}
    >
      <MenuItem value="">All</MenuItem>
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
