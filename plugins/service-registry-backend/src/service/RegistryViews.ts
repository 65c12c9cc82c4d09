import {
  dependencyGraphOf,
  DependencyGraph,
  findCycles,
  hideSecretValues,
  IndexedRegistryGraph,
  indexRegistryGraph,
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
  RegistryService,
  sloDocumentsToYaml,
  toOpenSlo,
} from '@service-registry/plugin-service-registry-common';
import { RegistrySnapshot } from '@service-registry/plugin-service-registry-node';
import { FindingsView } from './FindingsView';
import { HeldBackServices } from './HeldBackServices';
import { BodyCache } from './BodyCache';
import { SerializedBody } from './SerializedBody';
import { SlaView } from './SlaView';

function nodeView(service: RegistryService): RegistryGraphNode {
  return {
    id: service.id,
    name: service.name,
    declared: true,
    project: service.project ?? null,
    owner: service.effectiveOwner,
    status: service.status,
    tier: service.effectiveTier,
    type: service.type,
    version: service.version,
    deprecationDate: service.deprecationDate,
    sunsetDate: service.sunsetDate,
    replacement: service.replacementService,
    source: { file: service.source.file, line: service.source.line },
  };
}

/**
 * The most bytes (uncompressed JSON) of service neighbourhoods each snapshot keeps serialised: on
 * a registry of 10,000 services, about 2,000 answers of a typical service at the topology card's
 * default depth, or 18 of the largest (a service most others depend on, at depth 5).
 */
export const NEIGHBOURHOOD_CACHE_BYTES = 4 * 1024 * 1024;

/**
 * What the endpoints serve for one snapshot, computed once per snapshot (not per request), each
 * when first asked for: the dependency graph and its cycles; the `GET /graph` answer, serialised
 * and indexed (for the neighbourhoods of `service=`);
 * the findings and the SLA overview built with their credentials hidden (requests filter them),
 * and their answers without filters serialised; the whole registry's OpenSLO documents
 * serialised; the services the catalog holds back, for their 404.
 */
export class RegistryViews {
  private cyclesCache?: string[][];
  private graphResponseCache?: RegistryGraph;
  private graphBodyCache?: SerializedBody;
  private indexedGraphCache?: IndexedRegistryGraph;
  private findingsCache?: FindingsView;
  private findingsBodyCache?: SerializedBody;
  private slaCache?: SlaView;
  private slaBodyCache?: SerializedBody;
  private heldBackCache?: HeldBackServices;
  private readonly openSloBodies = new Map<string, SerializedBody>();

  constructor(readonly snapshot: RegistrySnapshot) {}

  get graph(): DependencyGraph {
    return dependencyGraphOf(this.snapshot.registry);
  }

  get cycles(): string[][] {
    this.cyclesCache ??= findCycles(this.graph);
    return this.cyclesCache;
  }

  /** The `GET /graph` answer for the whole registry, credentials hidden, built once. */
  get graphResponse(): RegistryGraph {
    if (!this.graphResponseCache) {
      const { registry, providerId, updatedAt, state } = this.snapshot;
      const nodes: RegistryGraphNode[] = [...registry.services.values()].map(
        nodeView,
      );
      const missing = new Set<string>();
      for (const edge of this.graph.edges) {
        if (!registry.services.has(edge.to)) missing.add(edge.to);
      }
      for (const id of [...missing].sort()) {
        nodes.push({ id, name: id, declared: false, project: null });
      }
      const edges: RegistryGraphEdge[] = this.graph.edges.map(e => ({
        from: e.from,
        to: e.to,
        optional: e.optional,
        ...(e.range ? { range: e.range } : {}),
      }));
      const projects = [...registry.projects.values()].map(p => ({
        id: p.id,
        name: p.name,
        owner: p.owner,
        tier: p.tier,
      }));
      // names and owners as written may hold a credential the validation reports
      this.graphResponseCache = hideSecretValues({
        registry: providerId,
        updatedAt,
        state,
        nodes,
        edges,
        cycles: this.cycles,
        projects,
      } satisfies RegistryGraph);
    }
    return this.graphResponseCache;
  }

  /** The `GET /graph` body, serialised once. */
  get graphBody(): SerializedBody {
    this.graphBodyCache ??= SerializedBody.json(this.graphResponse);
    return this.graphBodyCache;
  }

  /** {@link RegistryViews.graphResponse} indexed once, for `GET /graph?service=&depth=`. */
  get indexedGraph(): IndexedRegistryGraph {
    this.indexedGraphCache ??= indexRegistryGraph(this.graphResponse);
    return this.indexedGraphCache;
  }

  /**
   * The `GET /graph?service=&depth=` bodies of this snapshot asked for lately, by service and
   * depth (see {@link BodyCache}; at most {@link NEIGHBOURHOOD_CACHE_BYTES}).
   */
  readonly neighbourhoodBodies = new BodyCache(NEIGHBOURHOOD_CACHE_BYTES);

  /** The findings of `GET /findings`, built and hidden once; requests filter them. */
  get findings(): FindingsView {
    this.findingsCache ??= new FindingsView(this.snapshot);
    return this.findingsCache;
  }

  /** The `GET /findings` body without filters, serialised once. */
  get findingsBody(): SerializedBody {
    this.findingsBodyCache ??= SerializedBody.json(this.findings.answer({}));
    return this.findingsBodyCache;
  }

  /**
   * The services the catalog holds back, indexed once from the snapshot's findings: the 404 of a
   * service the registry lacks (`heldBack.notFound(id)`) says whether it is held back, and why.
   */
  get heldBack(): HeldBackServices {
    this.heldBackCache ??= new HeldBackServices(this.snapshot);
    return this.heldBackCache;
  }

  /** The SLA overview of `GET /sla`, evaluated and hidden once; requests filter it. */
  get sla(): SlaView {
    this.slaCache ??= new SlaView(this.snapshot.registry);
    return this.slaCache;
  }

  /** The `GET /sla` body without filters, serialised once. */
  get slaBody(): SerializedBody {
    this.slaBodyCache ??= SerializedBody.json(
      this.sla.answer({
        registry: this.snapshot.providerId,
        updatedAt: this.snapshot.updatedAt,
      }),
    );
    return this.slaBodyCache;
  }

  /**
   * The `GET /openslo` body for every service (no `service=`), credentials hidden and serialised
   * once per format and `fillFromTierPolicy`.
   *
   * @param format - `json` (an array of documents) or `yaml` (multi-document YAML)
   * @param fillFromTierPolicy - targets the service does not declare come from its tier's policy
   */
  openSloBody(
    format: 'json' | 'yaml',
    fillFromTierPolicy: boolean,
  ): SerializedBody {
    const key = `${format} ${fillFromTierPolicy}`;
    let body = this.openSloBodies.get(key);
    if (!body) {
      const documents = hideSecretValues(
        toOpenSlo(this.snapshot.registry, { fillFromTierPolicy }),
      );
      body =
        format === 'json'
          ? SerializedBody.json(documents)
          : new SerializedBody(
              Buffer.from(sloDocumentsToYaml(documents)),
              'application/yaml; charset=utf-8',
            );
      this.openSloBodies.set(key, body);
    }
    return body;
  }
}

/** Keeps the views of the current snapshot of each registry. */
export class RegistryViewCache {
  private readonly views = new Map<string, RegistryViews>();

  /** The views of a snapshot: the kept ones while it is still its registry's latest. */
  of(snapshot: RegistrySnapshot): RegistryViews {
    const cached = this.views.get(snapshot.providerId);
    if (cached?.snapshot === snapshot) return cached;
    const fresh = new RegistryViews(snapshot);
    this.views.set(snapshot.providerId, fresh);
    return fresh;
  }
}
