import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import fs from 'node:fs';
import path from 'node:path';
import { runnerInputErrors } from '../__testUtils__/runner';
import { captureLogs } from '../__testUtils__/workspace';
import {
  createServiceRegistryResolveReviewersAction,
  GITHUB_MAX_REVIEWERS,
} from './resolveReviewers';

/*
 * The action against a catalog in memory holding real entities, as the GitHub and GitLab org
 * providers write them.
 */

function group(
  name: string,
  annotations: Record<string, string> = {},
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace, annotations },
    spec: { type: 'team', children: [] },
  };
}

function user(
  name: string,
  annotations: Record<string, string> = {},
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace, annotations },
    spec: { memberOf: [] },
  };
}

const ENTITIES: Entity[] = [
  // the GitHub org provider's team: `github.com/team-slug` is `<org>/<slug>`
  group('platform-team', {
    'github.com/team-slug': 'example-org/platform-team',
  }),
  // a User of the same name: the Group comes first
  user('platform-team', { 'github.com/user-login': 'not-this-one' }),
  group('security-team'),
  group(
    'sre',
    { 'github.com/team-slug': 'example-org/site-reliability' },
    'ops',
  ),
  group('partners', { 'github.com/team-slug': 'partner-org/partners' }),
  // the GitHub org provider's user, and the GitLab org provider's: its profile URL
  user('jane', {
    'github.com/user-login': 'jane-gh',
    'gitlab.com/user-login': 'https://gitlab.com/jane.gl',
    'gitlab.example.com/user-login': 'https://gitlab.example.com/jdoe',
  }),
  user('bob'),
  user('eve', { 'github.com/user-login': 'eve\nforged line' }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shared-auth', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'platform-team' },
  },
];

async function resolve(
  input: Record<string, unknown>,
  options: {
    catalog?: CatalogService;
    entities?: Entity[];
    integrations?: ScmIntegrations;
    githubCredentialsProvider?: GithubCredentialsProvider;
    isDryRun?: boolean;
  } = {},
) {
  const catalog =
    options.catalog ??
    catalogServiceMock({ entities: options.entities ?? ENTITIES });
  const action = createServiceRegistryResolveReviewersAction({
    catalog,
    integrations: options.integrations,
    githubCredentialsProvider: options.githubCredentialsProvider,
  });
  // what reaches the handler passed the runner's JSON Schema check first
  expect(runnerInputErrors(action, input)).toEqual([]);
  const outputs: Record<string, any> = {};
  const ctx = createMockActionContext({ input: input as any });
  if (options.isDryRun) ctx.isDryRun = true;
  ctx.output = ((name: string, value: unknown) => {
    outputs[name] = value;
  }) as any;
  const logs = captureLogs(ctx as any);
  const warnings: string[] = [];
  (ctx.logger as any).warn = (message: string) => {
    warnings.push(message);
    logs.push(message);
  };
  await action.handler(ctx as any);
  return { outputs, warnings, logs };
}

const README = fs.readFileSync(
  path.resolve(__dirname, '../../README.md'),
  'utf8',
);

const reasons = (unresolved: { approver: string; reason: string }[]) =>
  Object.fromEntries(unresolved.map(u => [u.approver, u.reason]));

describe('service-registry:resolve-reviewers on GitHub', () => {
  it('gives the team slug of a Group and the login of a User, and says why the others have none', async () => {
    const { outputs, warnings } = await resolve({
      approvers: [
        '@platform-team',
        '@jane',
        '@bob',
        '@security-team',
        '@nobody',
        '@maintainer',
      ],
      provider: 'github',
      repoUrl: 'github.com?owner=example-org&repo=service-registry',
    });
    expect(outputs.teamReviewers).toEqual(['platform-team']);
    // `@jane`: no Group jane, so the User jane
    expect(outputs.reviewers).toEqual(['jane-gh']);
    expect(reasons(outputs.unresolved)).toEqual({
      '@bob': 'no-annotation',
      '@security-team': 'no-annotation',
      '@nobody': 'not-found',
      // a role is a name like any other: no entity has it
      '@maintainer': 'not-found',
    });
    const byApprover = Object.fromEntries(
      outputs.unresolved.map((u: any) => [u.approver, u.message]),
    );
    expect(byApprover['@bob']).toBe(
      'user:default/bob has no annotation github.com/user-login',
    );
    expect(byApprover['@security-team']).toMatch(
      /^group:default\/security-team has no annotation github\.com\/team-slug/,
    );
    expect(byApprover['@nobody']).toBe(
      'no group:default/nobody nor user:default/nobody in the catalog, or none you may see',
    );
    // one line per unresolved approver, naming it and its reason
    expect(warnings).toHaveLength(4);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^No reviewer for approver "@bob" \(no-annotation\): /,
        ),
        expect.stringMatching(
          /^No reviewer for approver "@maintainer" \(not-found\): /,
        ),
      ]),
    );
  });

  it('takes an approver written as a ref as that entity, its namespace included', async () => {
    const { outputs } = await resolve({
      approvers: [
        'group:ops/sre',
        'user:jane',
        'ops/sre',
        'group:sre',
        'user:ops/jane',
      ],
      provider: 'github',
    });
    // the slug is the part after the organization
    expect(outputs.teamReviewers).toEqual(['site-reliability']);
    expect(outputs.reviewers).toEqual(['jane-gh']);
    expect(reasons(outputs.unresolved)).toEqual({
      // namespace default has no Group sre; namespace ops no User jane
      'group:sre': 'not-found',
      'user:ops/jane': 'not-found',
    });
  });

  it('puts each reviewer once, however often and however the approvers name it', async () => {
    const { outputs, warnings } = await resolve({
      approvers: [
        '@platform-team',
        'platform-team',
        'group:default/platform-team',
        'Group:Default/Platform-Team',
        '@jane',
        'user:jane',
        'user:default/jane',
        '@jane',
      ],
      provider: 'github',
    });
    expect(outputs).toEqual({
      reviewers: ['jane-gh'],
      teamReviewers: ['platform-team'],
      unresolved: [],
    });
    expect(warnings).toEqual([]);
  });

  it('requests at most 15 reviewers, users and teams together, and says which approvers are left for a hand request', async () => {
    // GitHub refuses a review request of more than 15 reviewers whole: nobody would be asked
    const teams = Array.from({ length: 10 }, (_, i) =>
      group(`team-${i}`, { 'github.com/team-slug': `example-org/team-${i}` }),
    );
    const users = Array.from({ length: 10 }, (_, i) =>
      user(`dev-${i}`, { 'github.com/user-login': `dev-${i}-gh` }),
    );
    const approvers = [
      ...teams.slice(0, 8).map(t => `@${t.metadata.name}`),
      // the same team again takes no second place
      '@team-0',
      ...users.map(u => `@${u.metadata.name}`),
      ...teams.slice(8).map(t => `@${t.metadata.name}`),
    ];
    const { outputs, warnings } = await resolve(
      { approvers, provider: 'github' },
      { entities: [...teams, ...users] },
    );
    expect(GITHUB_MAX_REVIEWERS).toBe(15);
    expect(outputs.teamReviewers).toEqual(
      teams.slice(0, 8).map(t => t.metadata.name),
    );
    expect(outputs.reviewers).toEqual(
      users.slice(0, 7).map(u => `${u.metadata.name}-gh`),
    );
    expect(reasons(outputs.unresolved)).toEqual({
      '@dev-7': 'over-limit',
      '@dev-8': 'over-limit',
      '@dev-9': 'over-limit',
      '@team-8': 'over-limit',
      '@team-9': 'over-limit',
    });
    expect(outputs.unresolved[0].message).toBe(
      'the user dev-7-gh would be reviewer number 16, and GitHub takes at most 15 reviewers (users and teams together) in one request: request this review on the pull request by hand',
    );
    expect(warnings).toHaveLength(5);
  });

  it('prefers the Group to the User of the same name', async () => {
    const { outputs } = await resolve({
      approvers: ['@platform-team', 'user:platform-team'],
      provider: 'github',
    });
    expect(outputs.teamReviewers).toEqual(['platform-team']);
    expect(outputs.reviewers).toEqual(['not-this-one']);
  });

  it('resolves a role like any name once an entity has it', async () => {
    const { outputs } = await resolve(
      { approvers: ['@maintainer'], provider: 'github' },
      {
        entities: [
          ...ENTITIES,
          group('maintainer', {
            'github.com/team-slug': 'example-org/maintainers',
          }),
        ],
      },
    );
    expect(outputs.teamReviewers).toEqual(['maintainers']);
    expect(outputs.unresolved).toEqual([]);
  });

  it("leaves out a team of another organization than the repository's, which GitHub would refuse", async () => {
    const inOrg = await resolve({
      approvers: ['@partners', '@platform-team'],
      provider: 'github',
      repoUrl: 'github.com?owner=Example-Org&repo=service-registry',
    });
    expect(inOrg.outputs.teamReviewers).toEqual(['platform-team']);
    expect(reasons(inOrg.outputs.unresolved)).toEqual({
      '@partners': 'other-organization',
    });
    // without the repository, the organization is not checked
    const anyOrg = await resolve({
      approvers: ['@partners'],
      provider: 'github',
    });
    expect(anyOrg.outputs.teamReviewers).toEqual(['partners']);
  });

  it('refuses an entity that cannot review and an annotation that is no login, logging them on one line each', async () => {
    const { outputs, warnings } = await resolve({
      approvers: ['component:shared-auth', '@eve', 'user:'],
      provider: 'github',
    });
    expect(outputs.reviewers).toEqual([]);
    expect(reasons(outputs.unresolved)).toEqual({
      'component:shared-auth': 'unsupported',
      '@eve': 'no-annotation',
      'user:': 'not-found',
    });
    expect(warnings).toHaveLength(3);
    for (const line of warnings) expect(line).not.toMatch(/[\n\r]/);
  });

  it('outputs nothing and warns of nothing without approvers', async () => {
    const lookups = jest.fn();
    const catalog = catalogServiceMock.mock({ getEntitiesByRefs: lookups });
    const { outputs, warnings } = await resolve(
      { approvers: [], provider: 'github' },
      { catalog },
    );
    expect(outputs).toEqual({
      reviewers: [],
      teamReviewers: [],
      unresolved: [],
    });
    expect(warnings).toEqual([]);
    expect(lookups).not.toHaveBeenCalled();
  });
});

describe('service-registry:resolve-reviewers on GitLab', () => {
  it('gives the username of a User from the GitLab org provider annotation, and no group', async () => {
    const { outputs } = await resolve({
      approvers: ['@jane', '@platform-team', '@bob', '@maintainer'],
      provider: 'gitlab',
      repoUrl: 'gitlab.com?owner=platform&repo=service-registry',
    });
    // `gitlab.com/user-login` holds the profile URL: its last segment is the username
    expect(outputs.reviewers).toEqual(['jane.gl']);
    // publish:gitlab:merge-request takes users as reviewers, not groups
    expect(outputs.teamReviewers).toEqual([]);
    expect(reasons(outputs.unresolved)).toEqual({
      '@platform-team': 'unsupported',
      '@bob': 'no-annotation',
      '@maintainer': 'not-found',
    });
    expect(
      outputs.unresolved.find((u: any) => u.approver === '@bob').message,
    ).toBe('user:default/bob has no annotation gitlab.com/user-login');
  });

  it("passes every GitLab reviewer on: the limit of 15 is GitHub's", async () => {
    const users = Array.from({ length: 20 }, (_, i) =>
      user(`dev-${i}`, {
        'gitlab.com/user-login': `https://gitlab.com/dev${i}`,
      }),
    );
    const { outputs } = await resolve(
      { approvers: users.map(u => `@${u.metadata.name}`), provider: 'gitlab' },
      { entities: users },
    );
    expect(outputs.reviewers).toHaveLength(20);
    expect(outputs.unresolved).toEqual([]);
  });

  it("reads the annotation of the repository's host", async () => {
    const { outputs } = await resolve({
      approvers: ['user:jane'],
      provider: 'gitlab',
      repoUrl: 'gitlab.example.com?owner=platform&repo=service-registry',
    });
    expect(outputs.reviewers).toEqual(['jdoe']);
  });
});

describe('service-registry:resolve-reviewers and the catalog', () => {
  /** A catalog that shows the initiator only the entities it lets them see. */
  function catalogSeenBy(
    visible: (principal: string, entity: Entity) => boolean,
  ): CatalogService {
    const inner = catalogServiceMock({ entities: ENTITIES });
    return {
      ...inner,
      getEntitiesByRefs: async (request, { credentials }) => {
        const principal = (credentials.principal as { userEntityRef?: string })
          .userEntityRef;
        const { items } = await inner.getEntitiesByRefs(request, {
          credentials,
        });
        return {
          items: items.map(e =>
            e && principal && visible(principal, e) ? e : undefined,
          ),
        };
      },
    } as CatalogService;
  }

  it("looks up with the initiator's credentials: what they may not see stays unresolved", async () => {
    const catalog = catalogSeenBy(
      (_, e) => e.metadata.name !== 'platform-team',
    );
    const action = createServiceRegistryResolveReviewersAction({ catalog });
    const ctx = createMockActionContext({
      input: {
        approvers: ['@platform-team', '@jane'],
        provider: 'github',
      } as any,
    });
    const credentials = mockCredentials.user('user:default/alice');
    ctx.getInitiatorCredentials = async () => credentials;
    const spy = jest.spyOn(catalog, 'getEntitiesByRefs');
    const outputs: Record<string, any> = {};
    ctx.output = ((name: string, value: unknown) => {
      outputs[name] = value;
    }) as any;
    await action.handler(ctx as any);
    expect(spy).toHaveBeenCalledWith(expect.anything(), { credentials });
    expect(outputs.reviewers).toEqual(['jane-gh']);
    expect(outputs.teamReviewers).toEqual([]);
    expect(outputs.unresolved).toEqual([
      {
        approver: '@platform-team',
        reason: 'not-found',
        message:
          'no group:default/platform-team nor user:default/platform-team in the catalog, or none you may see',
      },
    ]);
  });

  it('does not fail when the catalog refuses the lookup: every approver is not-visible', async () => {
    const catalog = catalogServiceMock.mock({
      getEntitiesByRefs: async () => {
        throw new NotAllowedError('Unauthorized');
      },
    });
    const { outputs, warnings } = await resolve(
      { approvers: ['@platform-team', '@jane'], provider: 'github' },
      { catalog },
    );
    expect(outputs.reviewers).toEqual([]);
    expect(reasons(outputs.unresolved)).toEqual({
      '@platform-team': 'not-visible',
      '@jane': 'not-visible',
    });
    expect(outputs.unresolved[0].message).toBe(
      'the catalog refused the lookup with your credentials (NotAllowedError: Unauthorized)',
    );
    expect(warnings).toHaveLength(2);
  });

  it('does not fail when the catalog cannot be read', async () => {
    const catalog = catalogServiceMock.mock({
      getEntitiesByRefs: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007\n    at stack');
      },
    });
    const { outputs, warnings } = await resolve(
      { approvers: ['@platform-team', 'component:x'], provider: 'gitlab' },
      { catalog },
    );
    expect(outputs.unresolved).toEqual([
      {
        approver: 'component:x',
        reason: 'unsupported',
        message:
          'component:default/x is not a User or a Group: only users and groups can review',
      },
      {
        approver: '@platform-team',
        reason: 'lookup-failed',
        message:
          'the catalog could not be read (Error: connect ECONNREFUSED 127.0.0.1:7007)',
      },
    ]);
    expect(warnings).toHaveLength(2);
  });
});

describe('service-registry:resolve-reviewers and access to the GitHub repository', () => {
  // GitHub's API, faked at HTTP: who is a collaborator of example-org/service-registry, and
  // which teams have access to it
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: 'test-token' }] },
    }),
  );
  const REPO_URL = 'github.com?owner=example-org&repo=service-registry';
  const API = 'https://api.github.com';

  function fakeGithub(options: {
    collaborators: string[];
    teams: string[];
    status?: Record<string, number>;
    /** Who `GET /user` says the token is (default a bot none of the approvers names), or its status. */
    tokenUser?: string | number;
  }) {
    const asked: {
      method: string;
      path: string;
      authorization: string | null;
    }[] = [];
    const record = (request: Request) =>
      asked.push({
        method: request.method,
        path: new URL(request.url).pathname,
        authorization: request.headers.get('authorization'),
      });
    const answer = (name: string, has: boolean, request: Request) => {
      record(request);
      const status = options.status?.[name] ?? (has ? 204 : 404);
      return new HttpResponse(
        status === 204 ? null : JSON.stringify({ message: 'Not Found' }),
        { status },
      );
    };
    server.use(
      // the authenticated user: a personal access token's owner, refused to an App's token
      http.get(`${API}/user`, ({ request }) => {
        record(request);
        const who = options.tokenUser ?? 'integration-bot';
        return typeof who === 'number'
          ? HttpResponse.json({ message: 'Bad credentials' }, { status: who })
          : HttpResponse.json({ login: who, id: 1, type: 'User' });
      }),
      http.get(
        `${API}/repos/example-org/service-registry/collaborators/:login`,
        ({ params, request }) =>
          answer(
            String(params.login),
            options.collaborators.includes(String(params.login)),
            request,
          ),
      ),
      http.get(
        `${API}/orgs/example-org/teams/:slug/repos/example-org/service-registry`,
        ({ params, request }) =>
          answer(
            String(params.slug),
            options.teams.includes(String(params.slug)),
            request,
          ),
      ),
    );
    return asked;
  }

  it('leaves out a login that is not a collaborator and a team without access, which GitHub would refuse with every other reviewer', async () => {
    const asked = fakeGithub({ collaborators: ['jane-gh'], teams: [] });
    const { outputs, warnings } = await resolve(
      {
        approvers: ['@platform-team', '@jane', 'user:platform-team'],
        provider: 'github',
        repoUrl: REPO_URL,
      },
      { integrations },
    );
    expect(outputs.reviewers).toEqual(['jane-gh']);
    expect(outputs.teamReviewers).toEqual([]);
    expect(outputs.unresolved).toEqual([
      {
        approver: '@platform-team',
        reason: 'no-access',
        message:
          'the team platform-team has no access to example-org/service-registry on GitHub, which would refuse the review request of every reviewer with it',
      },
      {
        approver: 'user:platform-team',
        reason: 'no-access',
        message:
          'not-this-one is not a collaborator of example-org/service-registry on GitHub, which would refuse the review request of every reviewer with it',
      },
    ]);
    expect(warnings).toHaveLength(2);
    // asked with the integration's credentials, once per reviewer
    expect(asked.map(a => a.path).sort()).toEqual([
      '/orgs/example-org/teams/platform-team/repos/example-org/service-registry',
      '/repos/example-org/service-registry/collaborators/jane-gh',
      '/repos/example-org/service-registry/collaborators/not-this-one',
      // who the pull request's author will be
      '/user',
    ]);
    expect(new Set(asked.map(a => a.authorization))).toEqual(
      new Set(['Bearer test-token']),
    );
  });

  it('asks with the credentials of a given provider, for the repository of the request', async () => {
    const asked = fakeGithub({ collaborators: ['jane-gh'], teams: [] });
    const urls: string[] = [];
    const action = createServiceRegistryResolveReviewersAction({
      catalog: catalogServiceMock({ entities: ENTITIES }),
      integrations,
      githubCredentialsProvider: {
        getCredentials: async ({ url }) => {
          urls.push(url);
          return {
            type: 'app',
            token: 'app-token',
            headers: { Authorization: 'Bearer app-token' },
          };
        },
      },
    });
    const outputs: Record<string, any> = {};
    const ctx = createMockActionContext({
      input: { approvers: ['@jane'], provider: 'github', repoUrl: REPO_URL },
    });
    ctx.output = ((name: string, value: unknown) => {
      outputs[name] = value;
    }) as any;
    await action.handler(ctx as any);
    expect(outputs.reviewers).toEqual(['jane-gh']);
    expect(urls).toEqual(['https://github.com/example-org/service-registry']);
    expect(asked.map(a => a.authorization)).toEqual(['Bearer app-token']);
  });

  it('counts only reviewers with access against the limit of 15', async () => {
    const users = Array.from({ length: 16 }, (_, i) =>
      user(`dev-${i}`, { 'github.com/user-login': `dev-${i}-gh` }),
    );
    fakeGithub({
      collaborators: users.slice(1).map(u => `${u.metadata.name}-gh`),
      teams: [],
    });
    const { outputs } = await resolve(
      {
        approvers: users.map(u => `@${u.metadata.name}`),
        provider: 'github',
        repoUrl: REPO_URL,
      },
      { entities: users, integrations },
    );
    expect(outputs.reviewers).toHaveLength(15);
    expect(reasons(outputs.unresolved)).toEqual({ '@dev-0': 'no-access' });
  });

  it('requests a reviewer GitHub could not say anything about, and logs it', async () => {
    fakeGithub({
      collaborators: [],
      teams: ['platform-team'],
      status: { 'jane-gh': 500 },
    });
    const { outputs, logs } = await resolve(
      {
        approvers: ['@platform-team', '@jane'],
        provider: 'github',
        repoUrl: REPO_URL,
      },
      { integrations },
    );
    expect(outputs.reviewers).toEqual(['jane-gh']);
    expect(outputs.teamReviewers).toEqual(['platform-team']);
    expect(outputs.unresolved).toEqual([]);
    expect(logs).toContain(
      'Could not check whether the user jane-gh may review on example-org/service-registry (GitHub answered 500): requested anyway',
    );
  });

  it('requests the reviewers unchecked, and says so, without credentials or an API address for the host', async () => {
    const cases: Array<
      [ConstructorParameters<typeof ConfigReader>[0], string, string]
    > = [
      // github.com without a token: Backstage's default integration
      [
        {},
        'github.com',
        'no credentials are configured for https://github.com/example-org/service-registry',
      ],
      // a GitHub Enterprise host whose integration does not say where its API is
      [
        {
          integrations: {
            github: [
              {
                host: 'ghe.example.com',
                rawBaseUrl: 'https://raw.ghe.example.com',
                token: 't',
              },
            ],
          },
        },
        'ghe.example.com',
        'the GitHub integration of ghe.example.com has no apiBaseUrl',
      ],
    ];
    for (const [config, host, why] of cases) {
      const { outputs, logs } = await resolve(
        {
          approvers: ['@platform-team', '@jane'],
          provider: 'github',
          repoUrl: `${host}?owner=example-org&repo=service-registry`,
        },
        { integrations: ScmIntegrations.fromConfig(new ConfigReader(config)) },
      );
      expect(outputs.reviewers).toEqual(['jane-gh']);
      expect(outputs.teamReviewers).toEqual(['platform-team']);
      expect(logs).toContain(
        `Reviewers not checked for access to example-org/service-registry nor for the pull request's author: ${why}. GitHub refuses the whole review request if one of them has no access or is the author.`,
      );
    }
  });

  it('requests the reviewers unchecked, and says so, for a host without a GitHub integration', async () => {
    const { outputs, logs } = await resolve(
      {
        approvers: ['@platform-team', '@jane'],
        provider: 'github',
        repoUrl: 'ghe.example.com?owner=example-org&repo=service-registry',
      },
      { integrations },
    );
    expect(outputs.reviewers).toEqual(['jane-gh']);
    expect(outputs.teamReviewers).toEqual(['platform-team']);
    expect(logs).toContain(
      "Reviewers not checked for access to example-org/service-registry nor for the pull request's author: no GitHub integration is configured for ghe.example.com. GitHub refuses the whole review request if one of them has no access or is the author.",
    );
  });
  describe("the pull request's author", () => {
    /** Credentials as DefaultGithubCredentialsProvider gives them for a GitHub App installation. */
    const appCredentials: GithubCredentialsProvider = {
      getCredentials: async () => ({
        type: 'app',
        token: 'installation-token',
        headers: { Authorization: 'Bearer installation-token' },
      }),
    };

    it('names the reason in its output schema and the README', () => {
      const action = createServiceRegistryResolveReviewersAction({
        catalog: catalogServiceMock(),
      });
      const unresolved = (action.schema?.output as any)?.properties?.unresolved;
      expect(unresolved.items.properties.reason.enum).toContain('author');
      expect(unresolved.description).toContain('`author`');
      expect(README).toMatch(/^- `author` \(GitHub\): /m);
    });

    it("leaves out the integration token's user, who opens the pull request, and keeps the others", async () => {
      // GitHub refuses "Review cannot be requested from pull request author" (422) whole
      const asked = fakeGithub({
        collaborators: ['jane-gh', 'not-this-one'],
        teams: ['platform-team'],
        tokenUser: 'Jane-GH',
      });
      const { outputs, warnings } = await resolve(
        {
          approvers: ['@jane', '@platform-team', 'user:platform-team'],
          provider: 'github',
          repoUrl: REPO_URL,
        },
        { integrations },
      );
      expect(outputs.reviewers).toEqual(['not-this-one']);
      expect(outputs.teamReviewers).toEqual(['platform-team']);
      expect(outputs.unresolved).toEqual([
        {
          approver: '@jane',
          reason: 'author',
          message:
            "jane-gh is the user of the GitHub integration's token for example-org/service-registry, so the pull request's author, and GitHub refuses a review request naming the author with every other reviewer: another approver reviews it",
        },
      ]);
      expect(warnings).toEqual([
        expect.stringMatching(/^No reviewer for approver "@jane" \(author\): /),
      ]);
      // asked once, with the integration's credentials; the author is not checked for access
      expect(asked.filter(a => a.path === '/user')).toEqual([
        { method: 'GET', path: '/user', authorization: 'Bearer test-token' },
      ]);
      expect(asked.map(a => a.path)).not.toContain(
        '/repos/example-org/service-registry/collaborators/jane-gh',
      );
    });

    it('counts the reviewers against the limit of 15 after leaving out the author', async () => {
      const users = Array.from({ length: 16 }, (_, i) =>
        user(`dev-${i}`, { 'github.com/user-login': `dev-${i}-gh` }),
      );
      fakeGithub({
        collaborators: users.map(u => `${u.metadata.name}-gh`),
        teams: [],
        tokenUser: 'dev-3-gh',
      });
      const { outputs } = await resolve(
        {
          approvers: users.map(u => `@${u.metadata.name}`),
          provider: 'github',
          repoUrl: REPO_URL,
        },
        { entities: users, integrations },
      );
      expect(outputs.reviewers).toHaveLength(15);
      expect(outputs.reviewers).not.toContain('dev-3-gh');
      expect(reasons(outputs.unresolved)).toEqual({ '@dev-3': 'author' });
    });

    it("asks nobody who the author is with a GitHub App's credentials: the App's bot opens the pull request", async () => {
      const asked = fakeGithub({
        collaborators: ['jane-gh'],
        teams: [],
        // were it asked, GitHub would name an approver
        tokenUser: 'jane-gh',
      });
      const { outputs, warnings } = await resolve(
        { approvers: ['@jane'], provider: 'github', repoUrl: REPO_URL },
        { integrations, githubCredentialsProvider: appCredentials },
      );
      expect(outputs.reviewers).toEqual(['jane-gh']);
      expect(outputs.unresolved).toEqual([]);
      expect(warnings).toEqual([]);
      expect(asked.map(a => a.path)).toEqual([
        '/repos/example-org/service-registry/collaborators/jane-gh',
      ]);
    });

    it('requests the reviewers unchecked for the author, and says so, when GitHub does not say who the token is', async () => {
      for (const tokenUser of [401, 500]) {
        fakeGithub({ collaborators: ['jane-gh'], teams: [], tokenUser });
        const { outputs, warnings } = await resolve(
          { approvers: ['@jane'], provider: 'github', repoUrl: REPO_URL },
          { integrations },
        );
        expect(outputs.reviewers).toEqual(['jane-gh']);
        expect(outputs.unresolved).toEqual([]);
        expect(warnings).toEqual([
          `Reviewers not checked for the pull request's author (GitHub answered ${tokenUser} to GET /user with the GitHub integration's token for example-org/service-registry): GitHub refuses the whole review request if it names the author.`,
        ]);
        server.resetHandlers();
      }
    });

    it('requests the reviewers unchecked for the author, and says so, when GitHub cannot be reached', async () => {
      fakeGithub({ collaborators: ['jane-gh'], teams: [] });
      server.use(http.get(`${API}/user`, () => HttpResponse.error()));
      const { outputs, warnings } = await resolve(
        { approvers: ['@jane'], provider: 'github', repoUrl: REPO_URL },
        { integrations },
      );
      expect(outputs.reviewers).toEqual(['jane-gh']);
      expect(outputs.unresolved).toEqual([]);
      expect(warnings).toEqual([
        expect.stringMatching(
          /^Reviewers not checked for the pull request's author \(GitHub could not be asked: .+\): GitHub refuses the whole review request if it names the author\.$/,
        ),
      ]);
    });

    it('does not ask who the author is for teams only: a team is requested even when the author is in it', async () => {
      const asked = fakeGithub({ collaborators: [], teams: ['platform-team'] });
      const { outputs } = await resolve(
        {
          approvers: ['@platform-team'],
          provider: 'github',
          repoUrl: REPO_URL,
        },
        { integrations },
      );
      expect(outputs.teamReviewers).toEqual(['platform-team']);
      expect(asked.map(a => a.path)).not.toContain('/user');
    });

    it('with the token the publish step is given, leaves out its user and asks GitHub with it only', async () => {
      // publish:github:pull-request opens the pull request with its `token` input when given (a
      // user's OAuth token): the author is then that token's user, not the integration's
      const asked = fakeGithub({
        collaborators: ['jane-gh', 'not-this-one'],
        teams: [],
        tokenUser: 'not-this-one',
      });
      const { outputs, logs } = await resolve(
        {
          approvers: ['@jane', 'user:platform-team'],
          provider: 'github',
          repoUrl: REPO_URL,
          token: 'user-oauth-token',
        },
        { integrations },
      );
      expect(outputs.reviewers).toEqual(['jane-gh']);
      expect(outputs.unresolved).toEqual([
        {
          approver: 'user:platform-team',
          reason: 'author',
          message:
            "not-this-one is the user of the token given in `token` (the publish step's), so the pull request's author, and GitHub refuses a review request naming the author with every other reviewer: another approver reviews it",
        },
      ]);
      expect(new Set(asked.map(a => a.authorization))).toEqual(
        new Set(['Bearer user-oauth-token']),
      );
      // never the token itself in the log
      expect(logs.join('\n')).not.toContain('user-oauth-token');
    });

    it('in a dry run, asks GitHub the same read-only questions and gives the reviewers of a real run', async () => {
      // a dry run shows what the real run would request; it only reads (GET), like fetch:plain
      // and catalog:fetch do in theirs
      const input = {
        approvers: ['@jane', '@platform-team', 'user:platform-team'],
        provider: 'github',
        repoUrl: REPO_URL,
      };
      const github = {
        collaborators: ['jane-gh'],
        teams: ['platform-team'],
        tokenUser: 'jane-gh',
      };
      const realAsked = fakeGithub(github);
      const real = await resolve(input, { integrations });
      server.resetHandlers();
      const dryAsked = fakeGithub(github);
      const dry = await resolve(input, { integrations, isDryRun: true });
      expect(dry.outputs).toEqual(real.outputs);
      expect(reasons(dry.outputs.unresolved)).toEqual({
        '@jane': 'author',
        'user:platform-team': 'no-access',
      });
      expect(dryAsked.map(a => `${a.method} ${a.path}`).sort()).toEqual(
        realAsked.map(a => `${a.method} ${a.path}`).sort(),
      );
      expect(new Set(dryAsked.map(a => a.method))).toEqual(new Set(['GET']));
    });
  });
});
