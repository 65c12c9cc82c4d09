import { useCallback, useMemo, useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  Grid,
  ListItemText,
  MenuItem,
  Paper,
  Switch,
  TextField,
  makeStyles,
} from '@material-ui/core';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useNavigate } from 'react-router-dom';
import useWindowSize from 'react-use/esm/useWindowSize';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { RegistryGraph } from '../../api/types';
import {
  categoryLabel,
  cycleEdges,
  DisplayNode,
  edgeKey,
  filterGraph,
  filterValues,
  GLOBAL_PROJECT_KEY,
  GraphFilters,
  GroupBy,
  groupGraph,
  groupKeyOf,
  groupNodeId,
  impactHighlight,
  indexGraph,
  isImpactEdge,
  layeredLayout,
  nodeStatus,
} from '../../lib/graph-transformations';
import { CanvasEdge, CanvasNode, TopologyCanvas } from '../TopologyCanvas';
import { TopologyLegend } from '../TopologyLegend';
import { serviceCanvasNode } from '../canvasModel';
import {
  categoryColors,
  edgeColor,
  STATUS_FILLS,
  STATUS_STYLES,
} from '../topologyStyles';
import { useServiceLink } from '../useServiceLink';
import { TopologySidePanel } from './TopologySidePanel';
import {
  TopologyFilterOptions,
  TopologyView,
  useTopologyView,
} from './useTopologyView';
import { GLOBAL_SERVICES_LABEL } from '../../lib/serviceProjectLabel';
import { useListboxControls } from '../useListboxControls';

/** The least height of the map's drawing, in pixels. */
const MAP_MIN_HEIGHT = 480;
/** The page's height above and below the map (header, filters, margins), in pixels. */
const MAP_CHROME_HEIGHT = 360;

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'center',
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: 140, maxWidth: 220 },
  search: { minWidth: 260 },
  graph: { padding: theme.spacing(1) },
}));

const FILTER_LABELS: Record<keyof GraphFilters, string> = {
  projects: 'Project',
  owners: 'Owner',
  statuses: 'Status',
  tiers: 'Tier',
};

/**
 * A filter value as the menu shows it: the services of no project as on the other pages, no owner
 * as the map shows it (see `categoryLabel`).
 */
function filterOptionLabel(
  filter: keyof GraphFilters,
  value: string,
  names: ReadonlySet<string>,
): string {
  if (filter === 'projects' && value === GLOBAL_PROJECT_KEY) {
    return GLOBAL_SERVICES_LABEL;
  }
  return filter === 'owners' ? categoryLabel(value, names) : value;
}

/**
 * Props of {@link ServiceRegistryTopology}.
 *
 * @public
 */
export interface ServiceRegistryTopologyProps {
  graph: RegistryGraph;
  registry?: string;
  /** Offered to reload the graph. */
  onReload?: () => void;
}

/**
 * The interactive portal-wide graph (the body of {@link ServiceRegistryTopologyPage}).
 *
 * @public
 */
export function ServiceRegistryTopology(props: ServiceRegistryTopologyProps) {
  const { graph, registry } = props;
  const classes = useStyles();
  const { height: windowHeight } = useWindowSize();
  const api = useApi(serviceRegistryApiRef);
  const navigate = useNavigate();
  const link = useServiceLink();

  const indexed = useMemo(() => indexGraph(graph), [graph]);
  const cycles = useMemo(() => cycleEdges(graph.cycles), [graph]);
  const options = useMemo((): TopologyFilterOptions => {
    const sets = {
      projects: new Set<string>(),
      owners: new Set<string>(),
      statuses: new Set<string>(),
      tiers: new Set<string>(),
    };
    for (const node of indexed.nodes.values()) {
      const v = filterValues(node);
      sets.projects.add(v.project);
      sets.owners.add(v.owner);
      sets.statuses.add(v.status);
      sets.tiers.add(v.tier);
    }
    return {
      projects: [...sets.projects].sort(),
      owners: [...sets.owners].sort(),
      statuses: [...sets.statuses].sort(),
      tiers: [...sets.tiers].sort(),
    };
  }, [indexed]);
  /** The graph's project and owner names, beside which the keys of none are labelled. */
  const names = useMemo(
    () => new Set([...options.projects, ...options.owners]),
    [options],
  );
  const serviceIds = useMemo(() => [...indexed.nodes.keys()].sort(), [indexed]);
  const hasService = useCallback(
    (id: string) => indexed.nodes.has(id),
    [indexed],
  );

  // the view a link can share is in the URL; the expanded groups, a selected group and the
  // optional dependencies of the impact stay in memory
  const [view, setView] = useTopologyView(options, hasService);
  const { groupBy, colorBy, filters, impact: impactMode } = view;
  const selectedService = view.service;
  const [selectedGroup, setSelectedGroup] = useState<string | undefined>();
  const selected = selectedService ?? selectedGroup;
  const [expanded, setExpanded] = useState<Set<string>>(() => {
    // a shared link's service is shown in its group
    const node = selectedService && indexed.nodes.get(selectedService);
    return node && groupBy !== 'none'
      ? new Set([groupKeyOf(node, groupBy)])
      : new Set();
  });
  const [centerOn, setCenterOn] = useState<string | undefined>(() =>
    impactMode ? undefined : selectedService,
  );
  const [includeOptional, setIncludeOptional] = useState(false);
  const searchListboxControls = useListboxControls('service-topology-search');
  /** Selects a service (kept in the URL) or a group, or nothing. */
  const setSelected = (id: string | undefined) => {
    const isService = id !== undefined && indexed.nodes.has(id);
    setView({ service: isService ? id : undefined });
    setSelectedGroup(isService ? undefined : id);
  };

  const allNodes = useMemo(() => [...indexed.nodes.values()], [indexed]);
  const filtered = useMemo(
    () => filterGraph(allNodes, graph.edges, filters),
    [allNodes, graph.edges, filters],
  );
  const grouped = useMemo(
    () => groupGraph(filtered.nodes, filtered.edges, groupBy, expanded, names),
    [filtered, groupBy, expanded, names],
  );
  const layout = useMemo(
    () =>
      layeredLayout(
        grouped.nodes.map(n => n.id),
        grouped.edges,
        {
          orderKey: id => {
            const node = indexed.nodes.get(id);
            return node
              ? groupKeyOf(node, groupBy === 'owner' ? 'owner' : 'project')
              : id;
          },
        },
      ),
    [grouped, indexed, groupBy],
  );
  const colors = useMemo(
    () =>
      categoryColors(
        allNodes.map(n =>
          colorBy === 'owner' ? filterValues(n).owner : filterValues(n).project,
        ),
      ),
    [allNodes, colorBy],
  );
  const displayById = useMemo(() => {
    const map = new Map<string, DisplayNode>();
    for (const n of grouped.nodes) map.set(n.id, n);
    return map;
  }, [grouped]);

  const impactState = useAbortableAsync(
    async signal => {
      if (!impactMode || !selectedService) return undefined;
      return api.getImpact(
        selectedService,
        { registry, includeOptional },
        { signal },
      );
    },
    [api, impactMode, selectedService, registry, includeOptional],
  );
  const highlight = useMemo(
    () => (impactState.value ? impactHighlight(impactState.value) : undefined),
    [impactState.value],
  );

  const drawing = useMemo(() => {
    const fillOf = (key: string, status: ReturnType<typeof nodeStatus>) =>
      colorBy === 'status' ? STATUS_FILLS[status] : colors.get(key)!;
    const groupAffected = (node: DisplayNode) =>
      (node.members ?? []).filter(
        m => highlight?.affected.has(m) || highlight?.root === m,
      ).length;
    const nodes: CanvasNode[] = grouped.nodes.map(node => {
      const position = layout.positions.get(node.id)!;
      if (node.kind === 'service') {
        const service = node.service!;
        const v = filterValues(service);
        let emphasis: CanvasNode['emphasis'] = 'normal';
        if (highlight) {
          if (highlight.root === node.id) emphasis = 'root';
          else if (highlight.affected.has(node.id)) emphasis = 'highlight';
          else emphasis = 'dim';
        } else if (selected === node.id) {
          emphasis = 'selected';
        }
        const canvasNode = serviceCanvasNode(
          service,
          position,
          fillOf(
            colorBy === 'owner' ? v.owner : v.project,
            nodeStatus(service),
          ),
          emphasis,
        );
        if (highlight?.affected.has(node.id)) {
          canvasNode.detail = `affected · ${canvasNode.detail}`;
          canvasNode.description = `affected, ${canvasNode.description}`;
        }
        return canvasNode;
      }
      const members = node.members ?? [];
      const flagged = (
        ['deprecated', 'retired', 'development', 'missing'] as const
      )
        .filter(s => node.statusCounts?.[s])
        .map(s => `${node.statusCounts![s]} ${s}`);
      const affected = highlight ? groupAffected(node) : 0;
      const detail = highlight
        ? `${affected} of ${members.length} affected`
        : [`${members.length} services`, ...flagged].join(' · ');
      let emphasis: CanvasNode['emphasis'] = 'normal';
      if (highlight) emphasis = affected > 0 ? 'highlight' : 'dim';
      else if (selected === node.id) emphasis = 'selected';
      return {
        id: node.id,
        x: position.x,
        y: position.y,
        label: `${node.label} (${members.length})`,
        detail,
        fill:
          colorBy === 'status'
            ? '#f5f5f5'
            : colors.get(node.group!) ?? '#f5f5f5',
        border: '#546e7a',
        borderStyle: 'solid',
        emphasis,
        group: true,
        description: `${groupBy} ${node.label}, collapsed group of ${members.length} services, ${detail}. Enter expands it.`,
      };
    });
    const edges: CanvasEdge[] = grouped.edges.map(edge => {
      const from = displayById.get(edge.from)!;
      const to = displayById.get(edge.to)!;
      const inCycle =
        from.kind === 'service' &&
        cycles.edges.has(edgeKey(edge.from, edge.to));
      const projectOf = (n: DisplayNode): string | undefined => {
        if (n.service) {
          return n.service.declared
            ? filterValues(n.service).project
            : undefined;
        }
        return groupBy === 'project' ? n.group : undefined;
      };
      const a = projectOf(from);
      const b = projectOf(to);
      const cross = a !== undefined && b !== undefined && a !== b;
      let impact = false;
      if (highlight) {
        if (from.kind === 'service' && to.kind === 'service') {
          impact = isImpactEdge(highlight, edge.from, edge.to);
        } else {
          impact =
            (from.kind === 'group'
              ? groupAffected(from) > 0
              : highlight.affected.has(from.id)) &&
            (to.kind === 'group'
              ? groupAffected(to) > 0
              : highlight.affected.has(to.id) || highlight.root === to.id);
        }
      }
      const base = 1.5 + Math.log2(edge.count);
      return {
        from: edge.from,
        to: edge.to,
        dashed: edge.optional,
        color: edgeColor({ impact, cycle: inCycle, crossProject: cross }),
        width: impact || inCycle ? base + 1.5 : base,
        dim: highlight ? !impact : false,
      };
    });
    return { nodes, edges };
  }, [
    grouped,
    layout,
    highlight,
    selected,
    colors,
    colorBy,
    cycles,
    displayById,
    groupBy,
  ]);

  /**
   * The catalog page of each drawn service, built while rendering so that the Components of the
   * services on screen are looked up together (a transformer may have renamed them; inside a
   * `ServiceEntityRefsProvider`): none for a missing or a retired service, which have none.
   */
  const pages = useMemo(() => {
    const out = new Map<string, string | undefined>();
    for (const { id } of grouped.nodes) {
      const node = indexed.nodes.get(id);
      if (node) out.set(id, node.declared ? link(id, node.status) : undefined);
    }
    return out;
  }, [grouped, indexed, link]);

  const focusService = (id: string | null) => {
    if (!id) return;
    const node = indexed.nodes.get(id);
    if (!node) return;
    if (groupBy !== 'none') {
      const key = groupKeyOf(node, groupBy);
      if (!expanded.has(key)) setExpanded(new Set([...expanded, key]));
    }
    setSelected(id);
    // in impact mode the whole map stays in view, so the highlighted consumers show
    setCenterOn(impactMode ? undefined : id);
  };
  // the selected service, or group; a service hidden by the filters stays selected
  let selectedNode: DisplayNode | undefined = selected
    ? displayById.get(selected)
    : undefined;
  if (!selectedNode && selectedService) {
    selectedNode = {
      id: selectedService,
      label: selectedService,
      kind: 'service',
      service: indexed.nodes.get(selectedService),
    };
  }
  const hiddenByFilters =
    selectedService !== undefined &&
    !filtered.nodes.some(n => n.id === selectedService);

  const toggleGroup = (id: string) => {
    const node = displayById.get(id);
    if (node?.kind === 'group' && node.group) {
      setExpanded(new Set([...expanded, node.group]));
      setSelected(undefined);
    }
  };

  const categories =
    colorBy === 'status'
      ? [...new Set(allNodes.map(nodeStatus))].map(s => ({
          label: STATUS_STYLES[s].label,
          color: STATUS_FILLS[s],
        }))
      : [...colors.entries()]
          .slice(0, 14)
          .map(([key, color]) => ({ label: categoryLabel(key, names), color }));

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Paper
          className={classes.toolbar}
          aria-label="Topology controls"
          role="group"
        >
          <Autocomplete
            id="service-topology-search"
            {...searchListboxControls}
            className={classes.search}
            options={serviceIds}
            value={selectedService ?? null}
            onChange={(_, value) => focusService(value)}
            renderInput={params => (
              <TextField
                {...params}
                label="Find a service"
                variant="outlined"
                size="small"
              />
            )}
          />
          <TextField
            select
            id="service-topology-group-by"
            label="Group by"
            value={groupBy}
            size="small"
            variant="outlined"
            className={classes.select}
            onChange={e => {
              setView({
                groupBy: e.target.value as GroupBy,
                service: undefined,
              });
              setExpanded(new Set());
              setSelectedGroup(undefined);
            }}
          >
            <MenuItem value="none">No grouping</MenuItem>
            <MenuItem value="project">Project</MenuItem>
            <MenuItem value="owner">Owner</MenuItem>
          </TextField>
          <TextField
            select
            id="service-topology-colour-by"
            label="Colour by"
            value={colorBy}
            size="small"
            variant="outlined"
            className={classes.select}
            onChange={e =>
              setView({ colorBy: e.target.value as TopologyView['colorBy'] })
            }
          >
            <MenuItem value="project">Project</MenuItem>
            <MenuItem value="owner">Owner</MenuItem>
            <MenuItem value="status">Status</MenuItem>
          </TextField>
          {(Object.keys(FILTER_LABELS) as (keyof GraphFilters)[]).map(key => (
            <TextField
              key={key}
              select
              id={`service-topology-filter-${key}`}
              label={FILTER_LABELS[key]}
              size="small"
              variant="outlined"
              className={classes.select}
              value={filters[key] ?? []}
              SelectProps={{
                multiple: true,
                renderValue: value =>
                  (value as string[]).length === 0
                    ? 'All'
                    : (value as string[])
                        .map(v => filterOptionLabel(key, v, names))
                        .join(', '),
                displayEmpty: true,
              }}
              InputLabelProps={{ shrink: true }}
              onChange={e =>
                setView({
                  filters: {
                    ...filters,
                    [key]: e.target.value as unknown as string[],
                  },
                })
              }
            >
              {options[key].map(option => (
                <MenuItem key={option} value={option}>
                  <Checkbox
                    size="small"
                    checked={(filters[key] ?? []).includes(option)}
                  />
                  <ListItemText
                    primary={filterOptionLabel(key, option, names)}
                  />
                </MenuItem>
              ))}
            </TextField>
          ))}
          <FormControlLabel
            control={
              <Switch
                checked={impactMode}
                onChange={e => setView({ impact: e.target.checked })}
                color="primary"
              />
            }
            label="Impact mode"
          />
          {groupBy !== 'none' && (
            <Box display="flex" style={{ gap: 8 }}>
              <Button
                size="small"
                onClick={() =>
                  setExpanded(
                    new Set(
                      grouped.nodes
                        .map(n => n.group)
                        .filter((g): g is string => !!g),
                    ),
                  )
                }
              >
                Expand all
              </Button>
              <Button size="small" onClick={() => setExpanded(new Set())}>
                Collapse all
              </Button>
            </Box>
          )}
        </Paper>
      </Grid>
      <Grid item xs={12} md={8} lg={9}>
        <Paper className={classes.graph}>
          {filtered.nodes.length === 0 ? (
            // the filters together keep no service: say so, not a blank drawing
            <EmptyState
              missing="data"
              title="No service matches the filters"
              description="Change or clear the filters to see services."
              action={
                <Button
                  variant="outlined"
                  color="primary"
                  onClick={() => setView({ filters: {} })}
                >
                  Clear the filters
                </Button>
              }
            />
          ) : (
            <>
              <TopologyCanvas
                nodes={drawing.nodes}
                edges={drawing.edges}
                // as high as the window leaves below the filters, or as the graph needs if less
                // (a wide, shallow map leaves no empty band below it), and never below 480 px;
                // followed when the window is resized
                height={Math.max(
                  MAP_MIN_HEIGHT,
                  windowHeight - MAP_CHROME_HEIGHT,
                )}
                heightFollowsGraph
                minHeight={MAP_MIN_HEIGHT}
                // a phone, or a registry of hundreds of services: not the whole map too small to
                // read, but its first consumers legibly (the fit button shows it whole)
                startAt="start"
                fitKey={`${groupBy}:${grouped.nodes.length}:${
                  grouped.edges.length
                }:${JSON.stringify(filters)}`}
                centerOn={centerOn}
                ariaLabel={`Dependency map: ${drawing.nodes.length} nodes, ${drawing.edges.length} edges; consumers on the left, providers on the right`}
                onNodeClick={id => {
                  setSelected(id);
                  // so that finding this service again centres on it
                  setCenterOn(undefined);
                }}
                onNodeActivate={id => {
                  if (displayById.get(id)?.kind === 'group') toggleGroup(id);
                  else {
                    // no page for a missing or a retired service: the catalog has none
                    const to = pages.get(id);
                    if (to) navigate(to);
                  }
                }}
                onBackgroundClick={() => {
                  setSelected(undefined);
                  setCenterOn(undefined);
                }}
              />
              <TopologyLegend categories={categories} impact={impactMode} />
            </>
          )}
        </Paper>
      </Grid>
      <Grid item xs={12} md={4} lg={3}>
        <TopologySidePanel
          indexed={indexed}
          selected={selectedNode}
          hiddenByFilters={hiddenByFilters}
          impactMode={impactMode}
          impact={impactState}
          includeOptional={includeOptional}
          onIncludeOptional={setIncludeOptional}
          onShowImpact={() => setView({ impact: true })}
          onExpandGroup={toggleGroup}
          onCollapseGroup={key => {
            const next = new Set(expanded);
            next.delete(key);
            setExpanded(next);
            setSelected(groupNodeId(groupBy, key));
          }}
          groupBy={groupBy}
          cycles={graph.cycles}
        />
      </Grid>
    </Grid>
  );
}
