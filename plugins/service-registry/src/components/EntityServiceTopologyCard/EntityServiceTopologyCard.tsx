import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Box,
  Button,
  Chip,
  Grid,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { registryOfEntity } from '../../lib/registryOfEntity';
import { useNavigate } from 'react-router-dom';
import { AsyncContent } from '../AsyncContent';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import {
  isHeldBackServiceError,
  isNotFoundError,
  isUnknownServiceError,
} from '../../api/notFound';
import { HeldBackAlert } from '../RegistryCardParts/HeldBackAlert';
import { errorMessage } from '../../api/errorMessage';
import { RegistryGraph, RegistryGraphNode } from '../../api/types';
import {
  cycleEdges,
  edgeKey,
  GLOBAL_PROJECT_KEY,
  indexGraph,
  isFlaggedStatus,
  layeredLayout,
  NeighbourInfo,
  nodeStatus,
  selectNeighbourhood,
} from '../../lib/graph-transformations';
import { CanvasEdge, CanvasNode, TopologyCanvas } from '../TopologyCanvas';
import { TopologyLegend } from '../TopologyLegend';
import { serviceCanvasNode } from '../canvasModel';
import {
  serviceProjectLabel,
  GLOBAL_SERVICES_LABEL,
} from '../../lib/serviceProjectLabel';
import {
  categoryColors,
  edgeColor,
  NEUTRAL_FILL,
  STATUS_STYLES,
} from '../topologyStyles';
import { useServiceLink } from '../useServiceLink';
import { ServiceLink } from '../ServiceLink';
import { serviceIdOfEntity } from '../../lib/serviceIdOfEntity';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  depth: { minWidth: 96 },
  failure: { marginBottom: theme.spacing(1) },
  list: { paddingTop: 0 },
  chip: { marginLeft: theme.spacing(0.5), height: 20 },
}));

/**
 * Props of {@link EntityServiceTopologyCard}.
 *
 * @public
 */
export interface EntityServiceTopologyCardProps {
  /** Card title (default "Service topology"). */
  title?: string;
  /**
   * The most height the drawing takes, in pixels (default 360). A wide, shallow neighbourhood takes
   * only what it needs; on a narrow screen, where the whole neighbourhood would be too small to
   * read, the drawing starts on the service itself and the fit button shows the rest.
   */
  height?: number;
  /** Initial depth, 1 to 5 (default 2). */
  initialDepth?: number;
  /**
   * What the mouse wheel does over the drawing: `enable-on-click` (the default, as Backstage's
   * catalog graph card) scrolls the page on past it until the drawing is clicked; `enabled` zooms
   * at once, for a card that is its page's only content. Ctrl or Cmd with the wheel, the buttons,
   * the keys and two fingers zoom either way.
   */
  wheelZoom?: 'enabled' | 'enable-on-click';
}

const DEPTHS = [1, 2, 3, 4, 5];

function hops(depth: number): string {
  return `${depth} ${depth === 1 ? 'hop' : 'hops'}`;
}

/** What the card asked the backend for. */
interface Ask {
  registry: string | undefined;
  serviceId: string;
  depth: number;
}

/** An ask and its answer (none: the registry lacks the service). */
interface Neighbourhood extends Ask {
  graph: RegistryGraph | undefined;
  /** Without a graph: the backend's 404 when the catalog holds the service back. */
  heldBack?: Error;
}

/** An ask the backend failed to answer, and why. */
interface FailedAsk extends Ask {
  error: Error;
}

/**
 * The dependencies of the current service: upstream (what it depends on) and downstream (who
 * depends on it) to a chosen depth, across projects, with deprecated, retired, development and
 * missing services, cycles and optional dependencies marked. It asks the backend for that
 * neighbourhood only (`GET /graph?service=&depth=`), and again when a larger depth than the
 * answer it holds is chosen, showing the last drawing meanwhile; when that later ask fails, the
 * last drawing stays, with the backend's message and a Retry button above it. A depth up to the
 * held answer's is drawn from that answer, without asking: the neighbourhood to d hops is the
 * one to D ≥ d hops walked to d, as the backend walks it.
 *
 * @public
 */
export function EntityServiceTopologyCard(
  props: EntityServiceTopologyCardProps,
) {
  const {
    title = 'Service topology',
    height = 360,
    wheelZoom = 'enable-on-click',
  } = props;
  const { entity } = useEntity();
  const api = useApi(serviceRegistryApiRef);
  const registry = registryOfEntity(entity);
  const serviceId = serviceIdOfEntity(entity);
  const isComponent = entity.kind.toLocaleLowerCase('en-US') === 'component';
  const [depth, setDepth] = useState(
    Math.min(5, Math.max(1, props.initialDepth ?? 2)),
  );
  // the answer of another service never shows
  const ofService = <T extends Ask>(ask: T | undefined) =>
    ask?.serviceId === serviceId && ask.registry === registry ? ask : undefined;
  // the answer of the largest depth asked for this service, which stays when a later ask fails
  const [held, setHeld] = useState<Neighbourhood>();
  // a depth up to the held answer's is drawn from it: its neighbourhood to d hops, walked to d
  // again, is the backend's to d hops (the walk of the common package, both ways)
  const covering = ofService(held);
  const covered = covering && depth <= covering.depth ? covering : undefined;
  // changes only when the backend is to be asked: for a larger depth than the held answer's
  const askedDepth = covered ? covered.depth : depth;
  const state = useAbortableAsync(
    async (signal): Promise<Neighbourhood | FailedAsk | undefined> => {
      if (!isComponent) return undefined;
      // back under the held depth after a larger one (e.g. one that failed): nothing to ask
      if (covered) return covered;
      const asked = { registry, serviceId, depth: askedDepth };
      try {
        const graph = await api.getGraph(
          { registry, service: serviceId, depth: askedDepth },
          { signal },
        );
        return { ...asked, graph };
      } catch (error) {
        // a service the registry neither declares nor depends on; an unknown registry stays an error
        if (isUnknownServiceError(error)) return { ...asked, graph: undefined };
        // in the registry, but in a file the catalog cannot take as written: the backend says why
        if (isHeldBackServiceError(error)) {
          return { ...asked, graph: undefined, heldBack: error };
        }
        // any other 404 (an unknown registry) is the backend's answer, not a failure to answer
        if (isNotFoundError(error)) throw error;
        // a failure to answer (network, 5xx) keeps the last drawing: it names the depth it was for
        return {
          ...asked,
          error: error instanceof Error ? error : new Error(String(error)),
        };
      }
    },
    [api, registry, serviceId, isComponent, askedDepth],
  );
  const value = state.value;
  if (
    value &&
    !('error' in value) &&
    value !== held &&
    // a smaller answer than the held one of the same service never replaces it
    !(
      held &&
      value.serviceId === held.serviceId &&
      value.registry === held.registry &&
      value.depth < held.depth
    )
  ) {
    setHeld(value);
  }
  const latest = ofService(value);
  // a failure to ask for a larger depth is not shown once a held depth is chosen
  const failure = !covered && latest && 'error' in latest ? latest : undefined;
  // while another depth loads the held drawing stays, and after it failed to load too
  const answer =
    covered ?? (latest && !('error' in latest) ? latest : covering);
  // the depth last drawn from a held answer, which a larger one loading or failed to load keeps
  const [shownDepth, setShownDepth] = useState<number>();
  if (covered && shownDepth !== depth) setShownDepth(depth);
  // with nothing drawn yet (the first ask failed), the error takes the card; a held depth is drawn
  let panelError: Error | undefined;
  if (!covered) {
    panelError = failure && !answer?.graph ? failure.error : state.error;
  }

  let content: JSX.Element;
  if (!isComponent) {
    content = (
      <EmptyState
        missing="field"
        title="Not a registry service"
        description="The service topology is shown for Components that the service registry declares."
      />
    );
  } else {
    content = (
      <AsyncContent
        state={{
          loading: state.loading,
          error: panelError,
          value: panelError ? undefined : answer,
        }}
        errorTitle="Could not load the service registry"
      >
        {({ graph, depth: asked, heldBack }) =>
          graph ? (
            <ServiceTopology
              graph={graph}
              serviceId={serviceId}
              height={height}
              wheelZoom={wheelZoom}
              depth={depth}
              // a depth up to the held answer's is drawn at once; a larger one once it comes
              drawnDepth={
                covered ? depth : Math.min(shownDepth ?? asked, asked)
              }
              onDepthChange={setDepth}
              // shown until another depth is asked for, and while the same one is asked again
              failure={
                failure && (!state.loading || failure.depth === depth)
                  ? failure
                  : undefined
              }
              retrying={state.loading}
              onRetry={state.retry}
            />
          ) : (
            <NotInRegistry serviceId={serviceId} heldBack={heldBack} />
          )
        }
      </AsyncContent>
    );
  }
  return (
    <InfoCard
      title={title}
      titleTypographyProps={{ component: 'h2' }}
      subheader="Dependencies across projects, from the service registry"
    >
      <ServiceEntityRefsProvider registry={registry}>
        {content}
      </ServiceEntityRefsProvider>
    </InfoCard>
  );
}

function NeighbourList(props: {
  title: string;
  items: NeighbourInfo[];
  root: RegistryGraphNode;
  nodes: Map<string, RegistryGraphNode>;
  optional: Set<string>;
  cycleNodes: Set<string>;
}) {
  const classes = useStyles();
  const { title, items, root, nodes, optional, cycleNodes } = props;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3">
        {title} ({items.length})
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None
        </Typography>
      ) : (
        <List dense className={classes.list} aria-label={title}>
          {items.map(item => {
            const node = nodes.get(item.id)!;
            const status = nodeStatus(node);
            const marks: string[] = [];
            if (isFlaggedStatus(status))
              marks.push(STATUS_STYLES[status].label);
            if (
              node.declared &&
              (node.project ?? null) !== (root.project ?? null)
            ) {
              marks.push('cross-project');
            }
            if (optional.has(item.id)) marks.push('optional');
            if (cycleNodes.has(item.id)) marks.push('in a cycle');
            return (
              <ListItem key={item.id} disableGutters>
                <ListItemText
                  primary={
                    <>
                      {/* a retired or missing one has no catalog page; its mark says so */}
                      <ServiceLink
                        service={item.id}
                        status={node.status}
                        declared={node.declared}
                        showRetired={false}
                      />
                      {marks.map(mark => (
                        <Chip
                          key={mark}
                          label={mark}
                          size="small"
                          variant="outlined"
                          className={classes.chip}
                        />
                      ))}
                    </>
                  }
                  secondary={`${
                    item.distance === 1 ? 'direct' : `${item.distance} hops`
                  } · ${
                    node.declared
                      ? serviceProjectLabel(node.project)
                      : 'not declared'
                  }`}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </Box>
  );
}

/**
 * The card without a drawing: the registry lacks the service, or the catalog holds it back (its
 * file is not taken as written), which the backend's 404 says, with where and why.
 */
function NotInRegistry(props: { serviceId: string; heldBack?: Error }) {
  if (props.heldBack) return <HeldBackAlert error={props.heldBack} />;
  return (
    <EmptyState
      missing="data"
      title="Not in the service registry"
      description={`The service registry does not declare "${props.serviceId}", so its dependencies are unknown. Add it to the registry to see its topology.`}
    />
  );
}

/** The card's body once the neighbourhood is loaded. */
function ServiceTopology(props: {
  /** The backend's answer: the neighbourhood of the service to at least `drawnDepth` hops. */
  graph: RegistryGraph;
  serviceId: string;
  height: number;
  wheelZoom: 'enabled' | 'enable-on-click';
  /** The depth chosen. */
  depth: number;
  /** The depth drawn: the chosen one, or the last answer's while a larger one loads or failed to. */
  drawnDepth: number;
  onDepthChange: (depth: number) => void;
  /** The last ask, when it failed. */
  failure?: FailedAsk;
  /** Whether the backend is being asked again. */
  retrying: boolean;
  /** Asks the backend again for the chosen depth. */
  onRetry: () => void;
}) {
  const {
    graph,
    serviceId,
    height,
    wheelZoom,
    depth,
    drawnDepth,
    onDepthChange,
    failure,
    retrying,
    onRetry,
  } = props;
  const classes = useStyles();
  const failureId = `service-topology-failure-${serviceId}`;
  const depthSelect = useRef<{ focus: () => void }>(null);
  // once a retry from the alert is answered, the alert goes: focus goes to the depth, not nowhere
  const retried = useRef(false);
  useEffect(() => {
    if (failure || !retried.current) return;
    retried.current = false;
    if (!document.activeElement || document.activeElement === document.body) {
      depthSelect.current?.focus();
    }
  }, [failure]);
  const link = useServiceLink();
  const navigate = useNavigate();
  const indexed = useMemo(() => indexGraph(graph), [graph]);
  const root = indexed.nodes.get(serviceId);
  const hood = useMemo(
    () =>
      root ? selectNeighbourhood(indexed, serviceId, drawnDepth) : undefined,
    [indexed, root, serviceId, drawnDepth],
  );
  const cycles = useMemo(() => cycleEdges(graph.cycles), [graph]);
  /**
   * The catalog page of each drawn node, built while rendering so that the Components of the
   * drawn services are looked up together (a transformer may have renamed them): none for a
   * missing or a retired service, which have none.
   */
  const pages = useMemo(() => {
    const out = new Map<string, string | undefined>();
    for (const id of hood?.nodes.keys() ?? []) {
      const node = indexed.nodes.get(id);
      out.set(id, node?.declared ? link(id, node.status) : undefined);
    }
    return out;
  }, [hood, indexed, link]);
  /** Opens a node's catalog page, if it has one. */
  const openPage = (id: string) => {
    const to = pages.get(id);
    if (to) navigate(to);
  };

  const drawing = useMemo(() => {
    if (!hood) return undefined;
    const ids = [...hood.nodes.keys()];
    const layout = layeredLayout(ids, hood.edges, {
      orderKey: id => indexed.nodes.get(id)?.project ?? '',
    });
    const colors = categoryColors(
      ids.map(id => indexed.nodes.get(id)?.project ?? GLOBAL_PROJECT_KEY),
    );
    const nodes: CanvasNode[] = ids.map(id => {
      const node = indexed.nodes.get(id)!;
      return serviceCanvasNode(
        node,
        layout.positions.get(id)!,
        node.declared
          ? colors.get(node.project ?? GLOBAL_PROJECT_KEY)!
          : NEUTRAL_FILL,
        id === serviceId ? 'root' : 'normal',
      );
    });
    const edges: CanvasEdge[] = hood.edges.map(e => {
      const from = indexed.nodes.get(e.from)!;
      const to = indexed.nodes.get(e.to)!;
      const inCycle = cycles.edges.has(edgeKey(e.from, e.to));
      const cross =
        to.declared && (from.project ?? null) !== (to.project ?? null);
      return {
        from: e.from,
        to: e.to,
        dashed: e.optional,
        color: edgeColor({ cycle: inCycle, crossProject: cross }),
        width: (inCycle && 3) || (cross && 2) || 1.5,
      };
    });
    const categories = [...colors.entries()].map(([label, color]) => ({
      label: label === GLOBAL_PROJECT_KEY ? GLOBAL_SERVICES_LABEL : label,
      color,
    }));
    return { nodes, edges, categories };
  }, [hood, indexed, cycles, serviceId]);

  if (!root || !hood || !drawing) {
    return <NotInRegistry serviceId={serviceId} />;
  }

  const optionalUp = new Set(
    hood.edges.filter(e => e.optional && e.from === serviceId).map(e => e.to),
  );
  const optionalDown = new Set(
    hood.edges.filter(e => e.optional && e.to === serviceId).map(e => e.from),
  );
  const rootCycles = graph.cycles.filter(c => c.includes(serviceId));

  return (
    <>
      <Box className={classes.controls}>
        <TextField
          select
          // the label names the select together with the depth it shows ("Depth 2 hops")
          id={`service-topology-depth-${serviceId}`}
          label="Depth"
          value={depth}
          onChange={e => onDepthChange(Number(e.target.value))}
          variant="outlined"
          size="small"
          className={classes.depth}
          inputRef={depthSelect}
          // a depth that failed to load is marked, and described by the alert that says why
          error={!!failure}
          SelectProps={{
            SelectDisplayProps: failure
              ? { 'aria-describedby': failureId }
              : undefined,
          }}
        >
          {DEPTHS.map(d => (
            <MenuItem key={d} value={d}>
              {hops(d)}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="textSecondary">
          {hood.upstream.length} upstream · {hood.downstream.length} downstream
        </Typography>
      </Box>
      {failure && (
        <Alert
          id={failureId}
          severity="error"
          role="alert"
          className={classes.failure}
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                // a second click while the backend is asked again changes nothing
                if (retrying) return;
                retried.current = true;
                onRetry();
              }}
            >
              {retrying ? 'Retrying…' : 'Retry'}
            </Button>
          }
        >
          <AlertTitle>
            Could not load the dependencies to {hops(failure.depth)}
          </AlertTitle>
          {errorMessage(failure.error)}
          {drawnDepth < failure.depth &&
            ` The drawing still shows ${hops(drawnDepth)}.`}
        </Alert>
      )}
      {rootCycles.length > 0 && (
        <Alert severity="error" role="alert">
          {serviceId} is on a dependency cycle:{' '}
          {rootCycles.map(c => c.join(' → ')).join('; ')}
        </Alert>
      )}
      {hood.edges.length === 0 ? (
        <EmptyState
          missing="data"
          title="No dependencies"
          description={`${serviceId} neither depends on nor is used by any service of the registry.`}
        />
      ) : (
        <>
          <TopologyCanvas
            nodes={drawing.nodes}
            edges={drawing.edges}
            height={height}
            fitKey={`${serviceId}:${drawnDepth}:${drawing.nodes.length}`}
            ariaLabel={`Dependency graph of ${serviceId}: consumers on the left, providers on the right`}
            wheelZoom={wheelZoom}
            startAt="root"
            heightFollowsGraph
            onNodeClick={id => {
              if (id !== serviceId) openPage(id);
            }}
            onNodeActivate={openPage}
          />
          <TopologyLegend categories={drawing.categories} />
          <Grid container spacing={2}>
            <Grid item xs={12} md={6}>
              <NeighbourList
                title="Depends on (upstream)"
                items={hood.upstream}
                root={root}
                nodes={indexed.nodes}
                optional={optionalUp}
                cycleNodes={cycles.nodes}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <NeighbourList
                title="Used by (downstream)"
                items={hood.downstream}
                root={root}
                nodes={indexed.nodes}
                optional={optionalDown}
                cycleNodes={cycles.nodes}
              />
            </Grid>
          </Grid>
        </>
      )}
    </>
  );
}
