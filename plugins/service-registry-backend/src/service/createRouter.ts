import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  computeConsumers,
  computeImpact,
  serviceRegistryReadPermission,
  SERVICE_ID_PATTERN,
} from '@service-registry/plugin-service-registry-common';
import { ServiceRegistrySnapshotService } from '@service-registry/plugin-service-registry-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { RegistryViewCache, RegistryViews } from './RegistryViews';

/** Dependencies of {@link createRouter}. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  snapshots: ServiceRegistrySnapshotService;
  logger: LoggerService;
}

const registryId = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,63}$/,
    'registry must be a provider id (letters, digits, - and _)',
  )
  .default('default');
const serviceId = z
  .string()
  .regex(SERVICE_ID_PATTERN, 'not a registry service id');

const registryQuery = z.object({ registry: registryId }).passthrough();
const impactQuery = z
  .object({
    registry: registryId,
    includeOptional: z.enum(['true', 'false']).default('false'),
    maxDepth: z.coerce.number().int().positive().max(1000).optional(),
  })
  .strict();
const findingsQuery = z
  .object({
    registry: registryId,
    service: serviceId.optional(),
    project: z.string().max(63).optional(),
    owner: z.string().max(200).optional(),
    severity: z.enum(['error', 'warning', 'info']).optional(),
  })
  .strict();

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(i => `${i.path.join('.') || 'query'}: ${i.message}`)
        .join('; '),
    );
  }
  return result.data;
}

/**
 * The service-registry HTTP API. Every endpoint requires a user or service token and the
 * `service-registry.registry.read` permission; answers come from the last good snapshot the
 * catalog provider published (no parsing per request).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, snapshots } = options;
  const views = new RegistryViewCache(id => snapshots.get(id));
  const router = Router();
  router.use(express.json());

  async function authorize(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: serviceRegistryReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('reading the service registry is not allowed');
    }
  }

  function viewsOf(id: string): RegistryViews {
    const found = views.get(id);
    if (!found) {
      throw new NotFoundError(
        `no snapshot of registry "${id}" yet: check catalog.providers.serviceRegistry and the catalog's logs`,
      );
    }
    return found;
  }

  router.get('/registries', async (req, res) => {
    await authorize(req);
    res.json({
      items: snapshots.list().map(s => ({
        id: s.providerId,
        state: s.state,
        summary: s.summary,
        updatedAt: s.updatedAt,
        rootLocation: s.rootLocation,
        services: s.registry.services.size,
        projects: s.registry.projects.size,
        errors: s.findings.filter(f => f.severity === 'error').length,
        warnings: s.findings.filter(f => f.severity === 'warning').length,
      })),
    });
  });

  router.get('/graph', async (req, res) => {
    await authorize(req);
    const { registry } = parse(registryQuery, req.query);
    res.type('application/json').send(viewsOf(registry).graphBody);
  });

  router.get('/impact/:service', async (req, res) => {
    await authorize(req);
    const query = parse(impactQuery, req.query);
    const id = parse(serviceId, req.params.service);
    const { graph } = viewsOf(query.registry);
    if (!graph.nodes.has(id) && !graph.incoming.has(id)) {
      throw new NotFoundError(
        `no service "${id}" in registry "${query.registry}"`,
      );
    }
    res.json(
      computeImpact(graph, id, {
        includeOptional: query.includeOptional === 'true',
        maxDepth: query.maxDepth,
      }),
    );
  });

  router.get('/findings', async (req, res) => {
    await authorize(req);
    const query = parse(findingsQuery, req.query);
    const { snapshot } = viewsOf(query.registry);
    const ownerOf = (service?: string) =>
      service ? snapshot.registry.services.get(service)?.owner : undefined;
    const items = snapshot.findings.filter(
      f =>
        (!query.severity || f.severity === query.severity) &&
        (!query.service || f.service === query.service) &&
        (!query.project ||
          f.project === query.project ||
          (f.service &&
            snapshot.registry.services.get(f.service)?.project ===
              query.project)) &&
        (!query.owner ||
          ownerOf(f.service)?.replace(/^@/, '') ===
            query.owner.replace(/^@/, '')),
    );
    res.json({
      registry: snapshot.providerId,
      state: snapshot.state,
      summary: snapshot.summary,
      updatedAt: snapshot.updatedAt,
      items,
    });
  });

  router.get('/services/:service', async (req, res) => {
    await authorize(req);
    const { registry } = parse(registryQuery, req.query);
    const id = parse(serviceId, req.params.service);
    const v = viewsOf(registry);
    const service = v.snapshot.registry.services.get(id);
    if (!service) {
      throw new NotFoundError(`no service "${id}" in registry "${registry}"`);
    }
    res.json({
      registry,
      service,
      consumers: computeConsumers(v.graph, id),
      project: service.project
        ? v.snapshot.registry.projects.get(service.project)
        : undefined,
      findings: v.snapshot.findings.filter(f => f.service === id),
    });
  });

  return router;
}
