import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { createPublishGithubPullRequestAction } from '@backstage/plugin-scaffolder-backend-module-github';
import { createPublishGitlabMergeRequestAction } from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  cleanUp,
  configWith,
  contextFor,
  DEMO_REGISTRY,
  snapshot,
  tempDir,
} from '../__testUtils__/workspace';
import { createServiceRegistryAddServiceAction } from './addService';
import { createServiceRegistryFetchAction } from './fetchRegistry';
import { createServiceRegistryValidateAction } from './validate';

/**
 * The template's hosted flow: fetch (through the URL reader), add, validate, then the stock
 * publish actions, whose GitHub and GitLab APIs are faked at HTTP only.
 */

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
afterEach(cleanUp);

/** Serves the demo registry as the tree of any hosted URL (the reader's own HTTP is not under test). */
const reader = {
  readTree: async () => ({
    etag: 'etag',
    files: async () => [],
    archive: async () => {
      throw new Error('not used');
    },
    dir: async ({ targetDir }: { targetDir?: string } = {}) => {
      await fs.cp(DEMO_REGISTRY, targetDir!, { recursive: true });
      return targetDir!;
    },
  }),
} as unknown as UrlReaderService;

const config = configWith();

/** The id git gives a file's content (`git hash-object`). */
function gitBlobId(text: string): string {
  const content = Buffer.from(text, 'utf8');
  return createHash('sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}
const integrations = ScmIntegrations.fromConfig(config);

async function editedWorkspace(url: string) {
  const workspace = await tempDir('sr-ws-');
  const fetched = contextFor(workspace, { url });
  await createServiceRegistryFetchAction({ config, reader }).handler(
    fetched.ctx as any,
  );
  await createServiceRegistryAddServiceAction().handler(
    contextFor(workspace, {
      id: 'orders-api',
      owner: 'ecommerce-team',
      tier: 'medium',
      dependencies: { requires: ['shared-auth@^1.0'] },
    }).ctx as any,
  );
  const validated = contextFor(workspace, { today: '2026-11-22' });
  await createServiceRegistryValidateAction().handler(validated.ctx as any);
  return {
    workspace,
    fetched: fetched.outputs,
    report: validated.outputs.report,
  };
}

describe('pull request on a GitHub-hosted registry', () => {
  it('sends the branch, the registry files, the title and the report as the body', async () => {
    const { workspace, fetched, report } = await editedWorkspace(
      'https://github.com/example-org/service-registry/tree/main',
    );
    expect(fetched).toMatchObject({
      provider: 'github',
      repoUrl: 'github.com?owner=example-org&repo=service-registry',
      targetBranch: 'main',
    });

    const blobs: string[] = [];
    let tree: { path: string; sha: string }[] = [];
    let ref: any;
    let pull: any;
    let authorization: string | null = null;
    const api = 'https://api.github.com/repos/example-org/service-registry';
    server.use(
      http.get(api, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({
          default_branch: 'main',
          permissions: { push: true },
        });
      }),
      http.get(`${api}/commits`, () =>
        HttpResponse.json([
          { sha: 'base-commit', commit: { tree: { sha: 'base-tree' } } },
        ]),
      ),
      http.post(`${api}/git/blobs`, async ({ request }) => {
        const body: any = await request.json();
        blobs.push(Buffer.from(body.content, body.encoding).toString('utf8'));
        return HttpResponse.json({ sha: `blob-${blobs.length - 1}` });
      }),
      http.post(`${api}/git/trees`, async ({ request }) => {
        const body: any = await request.json();
        expect(body.base_tree).toBe('base-tree');
        tree = body.tree;
        return HttpResponse.json({ sha: 'new-tree' });
      }),
      http.post(`${api}/git/commits`, async ({ request }) => {
        const body: any = await request.json();
        expect(body).toMatchObject({
          tree: 'new-tree',
          parents: ['base-commit'],
        });
        return HttpResponse.json({ sha: 'new-commit' });
      }),
      http.post('https://api.github.com/graphql', () =>
        HttpResponse.json({ data: { repository: { ref: null } } }),
      ),
      http.post(`${api}/git/refs`, async ({ request }) => {
        ref = await request.json();
        return HttpResponse.json({});
      }),
      http.post(`${api}/pulls`, async ({ request }) => {
        pull = await request.json();
        return HttpResponse.json({
          number: 42,
          html_url: 'https://github.com/example-org/service-registry/pull/42',
          base: { ref: 'main' },
        });
      }),
    );

    const pr = createPublishGithubPullRequestAction({
      integrations,
      config,
    } as any);
    const { ctx, outputs } = contextFor(workspace, {
      repoUrl: fetched.repoUrl,
      branchName: 'service-registry/add-orders-api',
      targetBranchName: fetched.targetBranch,
      sourcePath: fetched.registryPath,
      title: 'Add service orders-api to the service registry',
      description: report,
    });
    await pr.handler(ctx as any);

    expect(authorization).toBe('token test-token');
    expect(ref).toEqual({
      sha: 'new-commit',
      ref: 'refs/heads/service-registry/add-orders-api',
    });
    expect(pull).toMatchObject({
      head: 'example-org:service-registry/add-orders-api',
      base: 'main',
      title: 'Add service orders-api to the service registry',
      body: report,
    });
    expect(pull.body).toContain('- Added: `orders-api`');
    expect(pull.body).toContain('### Breaking changes');
    const files = Object.fromEntries(
      tree.map(entry => [
        entry.path,
        blobs[Number(entry.sha.replace('blob-', ''))],
      ]),
    );
    expect(files['services/catalog.toml']).toBe(
      await fs.readFile(
        path.join(workspace, 'registry/services/catalog.toml'),
        'utf8',
      ),
    );
    expect(files['services/catalog.toml']).toContain('[service.orders-api]');
    expect(
      Object.keys(files).some(f => f.startsWith('.service-registry')),
    ).toBe(false);
    expect(outputs).toMatchObject({
      remoteUrl: 'https://github.com/example-org/service-registry/pull/42',
      pullRequestNumber: 42,
    });
  });
});

describe('merge request on a GitLab-hosted registry', () => {
  it('sends the branch, the changed file, the title and the report as the description', async () => {
    const { workspace, fetched, report } = await editedWorkspace(
      'https://gitlab.com/platform/service-registry/-/tree/main',
    );
    expect(fetched).toMatchObject({
      provider: 'gitlab',
      repoUrl: 'gitlab.com?owner=platform&repo=service-registry',
      targetBranch: 'main',
    });

    const requests: { method: string; path: string; body?: any }[] = [];
    const project =
      'https://gitlab.com/api/v4/projects/platform%2Fservice-registry';
    server.use(
      http.all('https://gitlab.com/api/v4/*', async ({ request }) => {
        const url = new URL(request.url);
        const body: any =
          request.method === 'GET'
            ? undefined
            : await request.json().catch(() => undefined);
        requests.push({
          method: request.method,
          path: url.pathname + url.search,
          body,
        });
        const p = url.pathname;
        if (request.method === 'GET' && `https://gitlab.com${p}` === project) {
          return HttpResponse.json({
            id: 7,
            default_branch: 'main',
            path_with_namespace: 'platform/service-registry',
          });
        }
        if (request.method === 'GET' && p.endsWith('/repository/tree')) {
          // the target branch holds the base: git blob ids let the action skip unchanged files
          return HttpResponse.json(
            Object.entries(
              await snapshot(path.join(workspace, '.service-registry/base')),
            ).map(([file, text]) => ({
              path: file,
              type: 'blob',
              id: gitBlobId(text),
            })),
          );
        }
        if (request.method === 'GET' && p.includes('/repository/files/')) {
          const file = decodeURIComponent(p.split('/repository/files/')[1]);
          const text = await fs
            .readFile(
              path.join(workspace, '.service-registry/base', file),
              'utf8',
            )
            .catch(() => undefined);
          if (text === undefined)
            return new HttpResponse(null, { status: 404 });
          return HttpResponse.json({
            file_path: file,
            content: Buffer.from(text).toString('base64'),
            encoding: 'base64',
            content_sha256: '',
          });
        }
        if (request.method === 'HEAD')
          return new HttpResponse(null, { status: 404 });
        if (request.method === 'GET' && p.endsWith('/users'))
          return HttpResponse.json([]);
        if (request.method === 'GET' && p.includes('/repository/branches/')) {
          return HttpResponse.json(
            { message: '404 Branch Not Found' },
            { status: 404 },
          );
        }
        if (request.method === 'POST' && p.endsWith('/repository/branches')) {
          return HttpResponse.json({
            name: body?.branch ?? url.searchParams.get('branch'),
          });
        }
        if (request.method === 'POST' && p.endsWith('/repository/commits')) {
          return HttpResponse.json({ id: 'new-commit' });
        }
        if (request.method === 'POST' && p.endsWith('/merge_requests')) {
          return HttpResponse.json({
            iid: 5,
            web_url:
              'https://gitlab.com/platform/service-registry/-/merge_requests/5',
            project_id: 7,
          });
        }
        return HttpResponse.json({});
      }),
    );

    const mr = createPublishGitlabMergeRequestAction({ integrations } as any);
    const { ctx, outputs } = contextFor(workspace, {
      repoUrl: fetched.repoUrl,
      branchName: 'service-registry/add-orders-api',
      targetBranchName: fetched.targetBranch,
      sourcePath: fetched.registryPath,
      title: 'Add service orders-api to the service registry',
      description: report,
    });
    await mr.handler(ctx as any);

    const commit = requests.find(
      r => r.method === 'POST' && r.path.endsWith('/repository/commits'),
    );
    expect(commit?.body).toMatchObject({
      branch: 'service-registry/add-orders-api',
    });
    const actions: any[] = commit?.body.actions ?? [];
    const catalog = actions.find(a => a.file_path === 'services/catalog.toml');
    expect(catalog.action).toBe('update');
    expect(
      Buffer.from(
        catalog.content,
        catalog.encoding === 'base64' ? 'base64' : 'utf8',
      ).toString('utf8'),
    ).toContain('[service.orders-api]');
    // files that did not change are not sent; the registry's generated documents are kept current
    expect(actions.map(a => a.file_path).sort()).toEqual([
      'docs/RUNBOOK.md',
      'docs/SERVICES.md',
      'docs/TOPOLOGY.md',
      'services/catalog.toml',
    ]);
    const merge = requests.find(
      r => r.method === 'POST' && r.path.endsWith('/merge_requests'),
    );
    expect(merge?.body).toMatchObject({
      source_branch: 'service-registry/add-orders-api',
      target_branch: 'main',
      title: 'Add service orders-api to the service registry',
      description: report,
    });
    expect(outputs.mergeRequestUrl).toBe(
      'https://gitlab.com/platform/service-registry/-/merge_requests/5',
    );
  });
});
