import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { Knex } from 'knex';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  CatalogScmEventsService,
  catalogScmEventsServiceRef,
} from '@backstage/plugin-catalog-node/alpha';
import {
  createTestDatabases,
  eventually,
} from '@service-registry/test-support';
import catalogModuleServiceRegistryEntityProvider from '.';
import { catalogEntity } from './__testUtils__/catalogEntity';

/**
 * A registry on GitHub, read by the real catalog through the real GitHub URL reader: only GitHub's
 * HTTP API is faked. The provider runs every 30 minutes, so a change that shows within seconds was
 * brought in by an SCM event.
 */

const databases = createTestDatabases();
jest.setTimeout(180_000);

const API = 'https://api.github.com';
const REPO = 'acme/registry';
const TARGET = `https://github.com/${REPO}/tree/main`;
const VERSION = 'service-registry.io/version';

type Files = Record<string, string>;

function registryFiles(cart: string): Files {
  return {
    'services/catalog.toml': [
      '[service.shared-auth]',
      'type = "microservice"',
      'owner = "platform-team"',
      'version = "1.2.3"',
      'status = "ga"',
      '',
    ].join('\n'),
    'projects/shop/services.toml': [
      '[project]',
      'name = "Shop"',
      'owner = "shop-team"',
      '',
      '[service.cart-api]',
      'type = "microservice"',
      `version = "${cart}"`,
      'status = "ga"',
      '[service.cart-api.dependencies]',
      'requires = ["shared-auth@^1.0"]',
      '',
      '[service.checkout-api]',
      'type = "microservice"',
      'version = "2.0.0"',
      'status = "ga"',
      '[service.checkout-api.dependencies]',
      'requires = ["cart-api"]',
      '',
    ].join('\n'),
  };
}

/** The repository at one commit as GitHub serves its tarball: everything under one folder. */
function tarball(sha: string, files: Files): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'registry-tarball-'));
  try {
    const root = `acme-registry-${sha.slice(0, 7)}`;
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(dir, root, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    const archive = path.join(dir, 'archive.tar.gz');
    tar.create({ gzip: true, cwd: dir, file: archive, sync: true }, [root]);
    return readFileSync(archive);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fake of the part of GitHub's API the URL reader uses to read a repository tree. */
class FakeGithub {
  private readonly commits = new Map<string, Files>();
  private head = '';
  /** The API requests seen, as `METHOD path`. */
  readonly requests: string[] = [];

  /** Pushes `files` as the new head of `main`; returns the commit sha. */
  push(files: Files): string {
    const sha = createHash('sha1')
      .update(JSON.stringify([this.head, files]))
      .digest('hex');
    this.commits.set(sha, files);
    this.head = sha;
    return sha;
  }

  /** How many times the head of `main` was asked for (once per read of the tree). */
  headReads(): number {
    return this.requests.filter(r => r.includes('/commits/main/status')).length;
  }

  handlers() {
    const repository = {
      full_name: REPO,
      default_branch: 'main',
      archive_url: `${API}/repos/${REPO}/{archive_format}{/ref}`,
      trees_url: `${API}/repos/${REPO}/git/trees{/sha}`,
    };
    const seen = (req: Request) => {
      const url = new URL(req.url);
      this.requests.push(`${req.method} ${url.pathname}${url.search}`);
      return req.headers.get('authorization') === 'Bearer test-token';
    };
    const unauthorized = () =>
      HttpResponse.json({ message: 'Bad credentials' }, { status: 401 });
    return [
      http.get(
        `${API}/repos/${REPO}/commits/:ref/status`,
        ({ request: req }) => {
          if (!seen(req)) return unauthorized();
          return HttpResponse.json({
            state: 'success',
            sha: this.head,
            total_count: 0,
            statuses: [],
            repository,
          });
        },
      ),
      http.get(`${API}/repos/${REPO}`, ({ request: req }) => {
        if (!seen(req)) return unauthorized();
        return HttpResponse.json(repository);
      }),
      http.get(
        `${API}/repos/${REPO}/tarball/:sha`,
        ({ request: req, params }) => {
          if (!seen(req)) return unauthorized();
          const files = this.commits.get(String(params.sha));
          if (!files) {
            return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
          }
          return new HttpResponse(tarball(String(params.sha), files), {
            headers: { 'content-type': 'application/x-gzip' },
          });
        },
      ),
    ];
  }
}

const server = setupServer();
beforeAll(() =>
  server.listen({
    onUnhandledRequest(req, print) {
      // the test's own requests to the backend under test go through
      const { hostname } = new URL(req.url);
      if (['localhost', '127.0.0.1', '::1', '[::1]'].includes(hostname)) {
        return;
      }
      print.error();
    },
  }),
);
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A backend with the catalog and this module on `knex`, ingesting the registry on GitHub. */
async function startPortalBackend(knex: Knex) {
  let scmEvents: CatalogScmEventsService | undefined;
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleServiceRegistryEntityProvider,
      createBackendModule({
        pluginId: 'catalog',
        moduleId: 'test-scm-events',
        register(env) {
          env.registerInit({
            deps: { events: catalogScmEventsServiceRef },
            async init({ events }) {
              scmEvents = events;
            },
          });
        },
      }),
      schedulerServiceFactory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [{ host: 'github.com', token: 'test-token' }],
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'System', 'Group', 'Resource'] }],
            providers: {
              serviceRegistry: {
                target: TARGET,
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 1 },
                  initialDelay: { seconds: 0 },
                },
              },
            },
          },
        },
      }),
    ],
  });
  if (!scmEvents) throw new Error('the SCM events service was not injected');
  return { backend, scmEvents };
}

type Backend = Awaited<ReturnType<typeof startPortalBackend>>['backend'];

/** Any here: the tests read fields of each kind's spec. */
async function entity(backend: Backend, ref: string): Promise<any> {
  return catalogEntity(backend, ref);
}

async function cartVersion(backend: Backend): Promise<string | undefined> {
  const cart = await entity(backend, 'component:default/cart-api');
  return cart?.metadata.annotations?.[VERSION];
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Longer than the scheduler's 5 s poll for due tasks, so a triggered run would have started. */
const QUIET_MS = 6_000;

describe.each(databases.eachSupportedId())(
  'a GitHub registry in a real catalog on %p',
  databaseId => {
    it('refreshes at once on an SCM event for the registry, and only then', async () => {
      const github = new FakeGithub();
      github.push(registryFiles('1.0.0'));
      server.use(...github.handlers());
      const knex = await databases.init(databaseId);
      const { backend, scmEvents } = await startPortalBackend(knex);
      try {
        // 1. the registry on GitHub is ingested by the first scheduled run
        await eventually(
          () => cartVersion(backend),
          v => v === '1.0.0',
        );
        // (each entity is stitched on its own: wait for the other one too)
        const checkout = await eventually(
          () => entity(backend, 'component:default/checkout-api'),
          e => e !== undefined,
        );
        expect(checkout.spec.dependsOn).toEqual(['component:default/cart-api']);
        await eventually(
          () => entity(backend, 'component:default/shared-auth'),
          e => e !== undefined,
        );
        expect(
          github.requests.some(r =>
            r.startsWith(`GET /repos/${REPO}/tarball/`),
          ),
        ).toBe(true);

        // 2. a merge on GitHub, no event: nothing is read until the next run, 30 minutes away
        github.push(registryFiles('1.1.0'));
        const readsBefore = github.headReads();
        await sleep(QUIET_MS);
        expect(await cartVersion(backend)).toBe('1.0.0');
        expect(github.headReads()).toBe(readsBefore);

        // 3. the event for a file of the registry brings the change in within seconds
        await scmEvents.publish([
          {
            type: 'location.updated',
            url: `https://github.com/${REPO}/blob/main/projects/shop/services.toml`,
          },
        ]);
        await eventually(
          () => cartVersion(backend),
          v => v === '1.1.0',
          { timeoutMs: 20_000 },
        );

        // 4. an event for another repository does not refresh this registry
        github.push(registryFiles('1.2.0'));
        const readsAfter = github.headReads();
        await scmEvents.publish([
          {
            type: 'location.updated',
            url: 'https://github.com/acme/other/blob/main/x.yaml',
          },
        ]);
        await sleep(QUIET_MS);
        expect(await cartVersion(backend)).toBe('1.1.0');
        expect(github.headReads()).toBe(readsAfter);
      } finally {
        await backend.stop();
      }
    });
  },
);
