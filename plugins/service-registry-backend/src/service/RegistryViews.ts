import {
  dependencyGraphOf,
  DependencyGraph,
  findCycles,
  hideSecretValues,
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
  RegistryService,
} from '@service-registry/plugin-service-registry-common';
import { RegistrySnapshot } from '@service-registry/plugin-service-registry-node';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

function nodeView(service: RegistryService): RegistryGraphNode {
  return {
    id: service.id,
    name: service.name,
    declared: true,
    project: service.project ?? null,
    owner: service.owner,
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
 * What the endpoints serve for one snapshot, computed once per snapshot (not per request): the
 * dependency graph, its cycles, and the graph response already serialised.
 */
export class RegistryViews {
  private cyclesCache?: string[][];
  private graphBodyCache?: Buffer;
  private graphGzipCache?: Buffer;
  private graphEtagCache?: string;

  constructor(readonly snapshot: RegistrySnapshot) {}

  get graph(): DependencyGraph {
    return dependencyGraphOf(this.snapshot.registry);
  }

  get cycles(): string[][] {
    this.cyclesCache ??= findCycles(this.graph);
    return this.cyclesCache;
  }

  /** The `GET /graph` body, serialised once. */
  get graphBody(): Buffer {
    if (!this.graphBodyCache) {
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
      this.graphBodyCache = Buffer.from(
        JSON.stringify(
          hideSecretValues({
            registry: providerId,
            updatedAt,
            state,
            nodes,
            edges,
            cycles: this.cycles,
            projects,
          } satisfies RegistryGraph),
        ),
      );
    }
    return this.graphBodyCache;
  }

  /** The `GET /graph` body gzip-compressed once, so that requests do not compress it again. */
  get graphBodyGzip(): Buffer {
    this.graphGzipCache ??= gzipSync(this.graphBody, { level: 6 });
    return this.graphGzipCache;
  }

  /** A strong ETag of the `GET /graph` body. */
  get graphEtag(): string {
    this.graphEtagCache ??= `"${createHash('sha1')
      .update(this.graphBody)
      .digest('hex')}"`;
    return this.graphEtagCache;
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
