import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  escapeControlCharacters,
  uniqueApprovers,
} from '@service-registry/plugin-service-registry-common';
import { errorText } from '../lib/errorText';
import { githubApi } from '../lib/githubApi';
import { githubPullRequestAuthor } from '../lib/githubPullRequestAuthor';
import { githubReviewerAccess } from '../lib/githubReviewerAccess';
import { examples } from './resolveReviewers.examples';

/**
 * Options of {@link createServiceRegistryResolveReviewersAction}.
 *
 * @public
 */
export interface ServiceRegistryResolveReviewersActionOptions {
  /** The catalog (`catalogServiceRef`), read with the credentials of the task's initiator. */
  catalog: CatalogService;
  /**
   * The SCM integrations. With a GitHub integration for the repository's host (and `repoUrl`
   * naming the repository), GitHub is asked who the pull request's author will be (`author`) and
   * whether each reviewer has access to the repository (`no-access`) before it is requested;
   * without, reviewers are given unchecked.
   */
  integrations?: ScmIntegrationRegistry;
  /** GitHub credentials for those checks; default `DefaultGithubCredentialsProvider`. */
  githubCredentialsProvider?: GithubCredentialsProvider;
}

/** Where the pull request or merge request is opened. */
type Provider = 'github' | 'gitlab';

/**
 * Why an approver was not resolved to a reviewer:
 *
 * - `not-found`: no entity of that name in the catalog, or none the initiator may see (the
 *   catalog answers both alike);
 * - `not-visible`: the catalog refused the initiator's lookup;
 * - `no-annotation`: the entity has no usable annotation for the provider;
 * - `other-organization`: a GitHub team of another organization than the repository's;
 * - `unsupported`: the provider takes no reviewer of that kind (a GitLab group; a Component);
 * - `lookup-failed`: the catalog could not be read;
 * - `author`: the user is the pull request's author, the user of the token it is opened with
 *   (the one given in `token`, else the GitHub integration's; a GitHub App's bot is no approver):
 *   GitHub refuses a review request that names the author whole;
 * - `no-access`: GitHub says the user is not a collaborator of the repository, or the team has no
 *   access to it (GitHub refuses a review request that names one of them whole);
 * - `over-limit`: GitHub takes at most {@link GITHUB_MAX_REVIEWERS} reviewers (users and teams
 *   together) in one request, and the approvers before it filled them (a request of more fails
 *   whole, so that nobody's review would be requested).
 *
 * @public
 */
export type UnresolvedApproverReason =
  | 'not-found'
  | 'not-visible'
  | 'no-annotation'
  | 'other-organization'
  | 'unsupported'
  | 'lookup-failed'
  | 'author'
  | 'no-access'
  | 'over-limit';

const REASONS: [UnresolvedApproverReason, ...UnresolvedApproverReason[]] = [
  'not-found',
  'not-visible',
  'no-annotation',
  'other-organization',
  'unsupported',
  'lookup-failed',
  'author',
  'no-access',
  'over-limit',
];

/**
 * The most reviewers, users and teams together, GitHub takes in one review request
 * (publish:github:pull-request makes one): a request of more is refused whole.
 *
 * @public
 */
export const GITHUB_MAX_REVIEWERS = 15;

/**
 * An approver that was not resolved to a reviewer.
 *
 * @public
 */
export interface UnresolvedApprover {
  /** The approver, as written. */
  approver: string;
  /** Why it was not resolved. */
  reason: UnresolvedApproverReason;
  /** What was looked for and what was missing, for the task log. */
  message: string;
}

/** The login of a GitHub user, as the GitHub org provider writes it. */
const GITHUB_USER_LOGIN_ANNOTATION = 'github.com/user-login';
/** The `<org>/<slug>` of a GitHub team, as the GitHub org provider writes it. */
const GITHUB_TEAM_SLUG_ANNOTATION = 'github.com/team-slug';
/** The GitLab org provider writes the user's profile URL as `<host>/user-login`. */
const GITLAB_USER_LOGIN_SUFFIX = '/user-login';
const DEFAULT_GITLAB_HOST = 'gitlab.com';

/** A GitHub login or team slug, a GitLab username: what the providers' APIs take. */
const HANDLE = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,98}[A-Za-z0-9_])?$/;

/** An entity kind that can review. */
const REVIEWER_KINDS = ['group', 'user'];

/**
 * A text as one line of the log may show it: control characters and invisible formatting
 * characters (a line break, a bidirectional override) as `\uXXXX` escapes.
 */
function printable(text: string): string {
  return escapeControlCharacters(text, { lineBreaks: true });
}

/** The repository the request is opened on, from a publish action's `repoUrl`. */
function repositoryOf(repoUrl: string | undefined): {
  host?: string;
  owner?: string;
  repo?: string;
} {
  if (!repoUrl) return {};
  try {
    const url = new URL(`https://${repoUrl}`);
    return {
      host: url.host || undefined,
      owner: url.searchParams.get('owner') || undefined,
      repo: url.searchParams.get('repo') || undefined,
    };
  } catch {
    return {};
  }
}

/**
 * The entities an approver may name, in the order they are looked for: `@platform-team` and
 * `platform-team` the Group `group:default/platform-team`, else the User
 * `user:default/platform-team`; `ops/sre` the Group, else the User, of namespace `ops`; a ref
 * with its kind (`group:ops/sre`, `user:jane`) that entity only.
 */
function candidatesOf(
  approver: string,
): { refs: CompoundEntityRef[] } | { unresolved: UnresolvedApprover } {
  const written = approver.trim().replace(/^@/, '');
  try {
    if (/^[^/]*:/.test(written)) {
      const ref = parseEntityRef(written);
      if (!REVIEWER_KINDS.includes(ref.kind.toLocaleLowerCase('en-US'))) {
        return {
          unresolved: {
            approver,
            reason: 'unsupported',
            message: `${stringifyEntityRef(
              ref,
            )} is not a User or a Group: only users and groups can review`,
          },
        };
      }
      return { refs: [ref] };
    }
    return {
      refs: REVIEWER_KINDS.map(kind =>
        parseEntityRef(written, { defaultKind: kind }),
      ),
    };
  } catch {
    return {
      unresolved: {
        approver,
        reason: 'not-found',
        message: 'not an entity name or reference',
      },
    };
  }
}

/** An annotation's value, trimmed; undefined when missing or blank. */
function annotation(entity: Entity, name: string): string | undefined {
  const value = entity.metadata.annotations?.[name]?.trim();
  return value ? value : undefined;
}

type Resolution =
  | { user: string }
  | { team: string }
  | { unresolved: Omit<UnresolvedApprover, 'approver'> };

/** What an entity gives as a GitHub reviewer. */
function githubReviewer(entity: Entity, owner: string | undefined): Resolution {
  const ref = stringifyEntityRef(entity);
  if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
    const slug = annotation(entity, GITHUB_TEAM_SLUG_ANNOTATION);
    const [org, team] = slug?.includes('/')
      ? [
          slug.slice(0, slug.lastIndexOf('/')),
          slug.slice(slug.lastIndexOf('/') + 1),
        ]
      : [undefined, slug];
    if (!team || !HANDLE.test(team)) {
      return {
        unresolved: {
          reason: 'no-annotation',
          message: `${ref} has no ${
            slug ? 'usable ' : ''
          }annotation ${GITHUB_TEAM_SLUG_ANNOTATION} (<org>/<team slug>)`,
        },
      };
    }
    if (
      org &&
      owner &&
      org.toLocaleLowerCase('en-US') !== owner.toLocaleLowerCase('en-US')
    ) {
      return {
        unresolved: {
          reason: 'other-organization',
          message: `${ref} is the team ${team} of ${org}, not of ${owner}, the repository's owner: GitHub requests reviews of the repository's organization's teams only`,
        },
      };
    }
    return { team };
  }
  const login = annotation(entity, GITHUB_USER_LOGIN_ANNOTATION);
  if (!login || !HANDLE.test(login)) {
    return {
      unresolved: {
        reason: 'no-annotation',
        message: `${ref} has no ${
          login ? 'usable ' : ''
        }annotation ${GITHUB_USER_LOGIN_ANNOTATION}`,
      },
    };
  }
  return { user: login };
}

/**
 * A GitLab username from the GitLab org provider's `<host>/user-login`, which holds the user's
 * profile URL (`https://gitlab.com/jane`); a bare username is taken as written.
 */
function gitlabUsername(value: string): string | undefined {
  let name = value;
  if (/^https?:\/\//i.test(value)) {
    try {
      name = new URL(value).pathname.split('/').filter(Boolean).pop() ?? '';
    } catch {
      return undefined;
    }
  }
  return HANDLE.test(name) ? name : undefined;
}

/** What an entity gives as a GitLab reviewer: users only. */
function gitlabReviewer(entity: Entity, host: string): Resolution {
  const ref = stringifyEntityRef(entity);
  if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
    return {
      unresolved: {
        reason: 'unsupported',
        message: `${ref} is a group: publish:gitlab:merge-request takes users as reviewers, not groups`,
      },
    };
  }
  const key = `${host}${GITLAB_USER_LOGIN_SUFFIX}`;
  const value = annotation(entity, key);
  const username = value && gitlabUsername(value);
  if (!username) {
    return {
      unresolved: {
        reason: 'no-annotation',
        message: `${ref} has no ${value ? 'usable ' : ''}annotation ${key}`,
      },
    };
  }
  return { user: username };
}

/** Whether the catalog refused the credentials rather than failed. */
function isRefusal(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'NotAllowedError' || name === 'AuthenticationError';
}

/** A reviewer an approver resolved to. */
interface Picked {
  approver: string;
  kind: 'user' | 'team';
  /** The login, username or team slug. */
  value: string;
}

/** Whether two reviewers are the same: logins and slugs are compared without case. */
function sameReviewer(a: Picked, b: Picked): boolean {
  return (
    a.kind === b.kind &&
    a.value.toLocaleLowerCase('en-US') === b.value.toLocaleLowerCase('en-US')
  );
}

/**
 * Creates the `service-registry:resolve-reviewers` action: resolves the approvers of a change
 * (service-registry:validate's `requiredApprovers`) through the catalog to the reviewers of a
 * GitHub pull request or a GitLab merge request. The catalog is read with the credentials of the
 * task's initiator, so their read permissions apply. `@platform-team` (or `platform-team`) names
 * the Group `group:default/platform-team`, else the User `user:default/platform-team`; a ref
 * (`group:ops/sre`, `user:jane`) names that entity. For GitHub a Group gives the team slug of its
 * `github.com/team-slug` annotation (`<org>/<slug>`: the slug; with `repoUrl`, a team of another
 * organization is left out) and a User the login of its `github.com/user-login`, as the GitHub
 * org provider writes them; for GitLab a User gives the username of its `<host>/user-login`
 * annotation (the profile URL the GitLab org provider writes), and a Group nothing, as
 * publish:gitlab:merge-request takes users only. An approver that resolves to nothing (no such
 * entity, one the initiator may not see, no annotation for the provider: `@maintainer`, a role,
 * unless an entity has that name) never fails the step: it is logged, one line each, and listed
 * in the output `unresolved` with its reason. On GitHub, with the SCM integrations given, the
 * pull request's author is left out (`author`: the user of the token given in `token`, else of
 * the integration's token, as `GET /user` names them; with a GitHub App's credentials its bot
 * opens the pull request, and nobody is left out) and each reviewer is checked for access to the
 * repository (`no-access`), as GitHub refuses a review request naming either whole; then at most
 * {@link GITHUB_MAX_REVIEWERS} are given (`over-limit`). A dry run asks GitHub the same (read-only)
 * questions, so that it gives the reviewers of a real run.
 *
 * @public
 */
export function createServiceRegistryResolveReviewersAction(
  options: ServiceRegistryResolveReviewersActionOptions,
) {
  const { catalog, integrations } = options;
  // one provider for every run: it keeps the tokens it made (a GitHub App's) until they expire
  const githubCredentialsProvider =
    options.githubCredentialsProvider ??
    (integrations &&
      DefaultGithubCredentialsProvider.fromIntegrations(integrations));

  /**
   * The reviewers GitHub would take on the repository: the pull request's author and those it
   * says have no access are moved to `unresolved`; with nothing to ask GitHub with, or when it
   * cannot answer, all are kept and the log says so.
   */
  async function withGithubChecks(
    picked: Picked[],
    repository: ReturnType<typeof repositoryOf>,
    token: string | undefined,
    unresolved: UnresolvedApprover[],
    logger: LoggerService,
  ): Promise<Picked[]> {
    const { host, owner, repo } = repository;
    if (
      picked.length === 0 ||
      !integrations ||
      !githubCredentialsProvider ||
      !host ||
      !owner ||
      !repo
    ) {
      return picked;
    }
    const api = await githubApi({
      integrations,
      credentialsProvider: githubCredentialsProvider,
      host,
      owner,
      repo,
      token,
    });
    if ('unavailable' in api) {
      logger.warn(
        printable(
          `Reviewers not checked for access to ${owner}/${repo} nor for the pull request's author: ${api.unavailable}. GitHub refuses the whole review request if one of them has no access or is the author.`,
        ),
      );
      return picked;
    }

    // the author: only a user can be one (a team is requested even when the author is in it)
    let checked = picked;
    if (picked.some(p => p.kind === 'user')) {
      const author = await githubPullRequestAuthor(api);
      if (author.author === 'unknown') {
        logger.warn(
          printable(
            `Reviewers not checked for the pull request's author (${author.why}): GitHub refuses the whole review request if it names the author.`,
          ),
        );
      } else if (author.author === 'user') {
        const login = author.login;
        checked = picked.filter(p => {
          if (!sameReviewer(p, { approver: '', kind: 'user', value: login })) {
            return true;
          }
          unresolved.push({
            approver: p.approver,
            reason: 'author',
            message: `${p.value} is the user of ${api.credentialsName}, so the pull request's author, and GitHub refuses a review request naming the author with every other reviewer: another approver reviews it`,
          });
          return false;
        });
      }
    }

    const access = githubReviewerAccess(api);
    const answers = await Promise.all(
      checked.map(p =>
        p.kind === 'team' ? access.team(p.value) : access.user(p.value),
      ),
    );
    return checked.filter((p, i) => {
      const answer = answers[i];
      if (answer.access === 'no') {
        unresolved.push({
          approver: p.approver,
          reason: 'no-access',
          message: `${
            p.kind === 'team'
              ? `the team ${p.value} has no access to`
              : `${p.value} is not a collaborator of`
          } ${
            access.repository
          } on GitHub, which would refuse the review request of every reviewer with it`,
        });
        return false;
      }
      if (answer.access === 'unknown') {
        logger.warn(
          printable(
            `Could not check whether the ${p.kind} ${p.value} may review on ${access.repository} (${answer.why}): requested anyway`,
          ),
        );
      }
      return true;
    });
  }

  return createTemplateAction({
    id: 'service-registry:resolve-reviewers',
    description:
      "Resolves the approvers of a registry change (service-registry:validate's requiredApprovers) through the catalog, with the initiator's permissions, to the reviewers of a GitHub pull request (user logins and team slugs) or a GitLab merge request (usernames); approvers it cannot resolve are logged and output, never an error.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        approvers: z =>
          z.array(z.string(), {
            description:
              'Approvers as the registry writes them: `@platform-team` or `platform-team` (the Group, else the User, of that name in namespace `default`), or an entity ref (`group:ops/sre`, `user:jane`)',
          }),
        provider: z =>
          z.enum(['github', 'gitlab'], {
            description:
              'Where the pull request (`github`) or merge request (`gitlab`) is opened',
          }),
        repoUrl: z =>
          z
            .string({
              description:
                "The repository of the request, as the publish actions take it (`<host>?owner=…&repo=…`, service-registry:registry:fetch's `repoUrl`): its host names the GitLab annotation `<host>/user-login` (default `gitlab.com`), its owner the organization GitHub teams must belong to",
            })
            .optional(),
        token: z =>
          z
            .string({
              description:
                "The token publish:github:pull-request is given in its `token` input (a user's OAuth token), if any: GitHub is then asked with it, and its user, who opens the pull request, is left out of the reviewers (`author`). Without, the GitHub integration's credentials are used, as the publish step does",
            })
            .optional(),
      },
      output: {
        reviewers: z =>
          z.array(z.string(), {
            description:
              "User logins (GitHub) or usernames (GitLab): the publish action's `reviewers`",
          }),
        teamReviewers: z =>
          z.array(z.string(), {
            description:
              "GitHub team slugs: publish:github:pull-request's `teamReviewers` (always empty for GitLab)",
          }),
        unresolved: z =>
          z.array(
            z.object({
              approver: z.string(),
              reason: z.enum(REASONS),
              message: z.string(),
            }),
            {
              description:
                "Approvers not resolved to a reviewer, each with its reason (`not-found`, `not-visible`, `no-annotation`, `other-organization`, `unsupported`, `lookup-failed`, `author`: the pull request's author, `no-access`, `over-limit`) and a message",
            },
          ),
      },
    },
    async handler(ctx) {
      const provider: Provider = ctx.input.provider;
      const repository = repositoryOf(ctx.input.repoUrl);
      const gitlabHost = repository.host ?? DEFAULT_GITLAB_HOST;

      const unresolved: UnresolvedApprover[] = [];
      const wanted: { approver: string; refs: CompoundEntityRef[] }[] = [];
      for (const approver of uniqueApprovers(
        ctx.input.approvers.filter(a => a.trim() !== ''),
      )) {
        const candidates = candidatesOf(approver);
        if ('unresolved' in candidates) unresolved.push(candidates.unresolved);
        else wanted.push({ approver, refs: candidates.refs });
      }

      // one lookup for every candidate, with the initiator's credentials
      const refs = [
        ...new Set(wanted.flatMap(w => w.refs.map(r => stringifyEntityRef(r)))),
      ];
      const found = new Map<string, Entity>();
      let failure: Omit<UnresolvedApprover, 'approver'> | undefined;
      if (refs.length > 0) {
        try {
          const credentials: BackstageCredentials =
            await ctx.getInitiatorCredentials();
          const { items } = await catalog.getEntitiesByRefs(
            {
              entityRefs: refs,
              fields: [
                'kind',
                'metadata.namespace',
                'metadata.name',
                'metadata.annotations',
              ],
            },
            { credentials },
          );
          items.forEach((entity, i) => {
            if (entity) found.set(refs[i], entity);
          });
        } catch (error) {
          failure = isRefusal(error)
            ? {
                reason: 'not-visible',
                message: `the catalog refused the lookup with your credentials (${errorText(
                  error,
                )})`,
              }
            : {
                reason: 'lookup-failed',
                message: `the catalog could not be read (${errorText(error)})`,
              };
        }
      }

      // each reviewer once, in the approvers' order
      const picked: Picked[] = [];
      for (const { approver, refs: candidates } of wanted) {
        if (failure) {
          unresolved.push({ approver, ...failure });
          continue;
        }
        const entity = candidates
          .map(r => found.get(stringifyEntityRef(r)))
          .find(e => e !== undefined);
        if (!entity) {
          unresolved.push({
            approver,
            reason: 'not-found',
            message: `no ${candidates
              .map(r => stringifyEntityRef(r))
              .join(' nor ')} in the catalog, or none you may see`,
          });
          continue;
        }
        const resolution =
          provider === 'github'
            ? githubReviewer(entity, repository.owner)
            : gitlabReviewer(entity, gitlabHost);
        if ('unresolved' in resolution) {
          unresolved.push({ approver, ...resolution.unresolved });
          continue;
        }
        const one: Picked =
          'team' in resolution
            ? { approver, kind: 'team', value: resolution.team }
            : { approver, kind: 'user', value: resolution.user };
        if (!picked.some(p => sameReviewer(p, one))) picked.push(one);
      }

      const requested =
        provider === 'github'
          ? await withGithubChecks(
              picked,
              repository,
              ctx.input.token || undefined,
              unresolved,
              ctx.logger,
            )
          : picked;
      const reviewers: string[] = [];
      const teamReviewers: string[] = [];
      for (const one of requested) {
        const count = reviewers.length + teamReviewers.length;
        if (provider === 'github' && count >= GITHUB_MAX_REVIEWERS) {
          unresolved.push({
            approver: one.approver,
            reason: 'over-limit',
            message: `the ${one.kind} ${one.value} would be reviewer number ${
              count + 1
            }, and GitHub takes at most ${GITHUB_MAX_REVIEWERS} reviewers (users and teams together) in one request: request this review on the pull request by hand`,
          });
        } else if (one.kind === 'team') teamReviewers.push(one.value);
        else reviewers.push(one.value);
      }

      for (const u of unresolved) {
        u.message = printable(u.message);
        ctx.logger.warn(
          `No reviewer for approver ${printable(JSON.stringify(u.approver))} (${
            u.reason
          }): ${u.message}`,
        );
      }
      ctx.logger.info(
        `Reviewers on ${provider === 'github' ? 'GitHub' : 'GitLab'}: ${
          reviewers.length ? `users ${reviewers.join(', ')}` : 'no user'
        }; ${
          teamReviewers.length ? `teams ${teamReviewers.join(', ')}` : 'no team'
        } (${unresolved.length} approver${
          unresolved.length === 1 ? '' : 's'
        } unresolved)`,
      );

      ctx.output('reviewers', reviewers);
      ctx.output('teamReviewers', teamReviewers);
      ctx.output('unresolved', unresolved);
    },
  });
}
