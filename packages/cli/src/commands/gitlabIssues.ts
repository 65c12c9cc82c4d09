import { apiUrlVariable, requiredVariable } from '../lib/ciVariables';
import {
  ConsumerIssuesOptions,
  runConsumerIssues,
} from '../lib/consumerIssuesRun';
import { gitlabApi } from '../lib/gitlabApi';
import { ProjectIssues } from '../lib/gitlabIssues';
import { gitlabProjectOf } from '../lib/gitlabProject';
import { gitlabUserId } from '../lib/gitlabUser';
import { apiRoot, commonAdvice } from '../lib/hostedApi';
import { CliIO } from '../lib/io';

/** Why GitLab answers a status, and what to do about it. */
function adviceFor(status: number): string {
  switch (status) {
    case 400:
      return 'GitLab refused the issue';
    case 401:
      return 'GitLab does not accept the token: check that SERVICE_REGISTRY_GITLAB_TOKEN holds an access token that has not expired or been revoked, with the api scope';
    case 403:
      return "the token may not open issues there, or the project has issues turned off: it needs the api scope and at least the Reporter role in the consumers' projects (a group access token of their top-level group)";
    case 404:
      return "GitLab does not find the project, or the token cannot see it: check the consuming service's repository in the registry and the token's projects";
    default:
      return commonAdvice('GitLab', status);
  }
}

/** The address of the registry's commit the pipeline runs for, when GitLab names it. */
function changeUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const { CI_PROJECT_URL: project, CI_COMMIT_SHA: sha } = env;
  if (!project || !sha || !/^[0-9a-f]{40,64}$/.test(sha)) return undefined;
  try {
    const url = new URL(project);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  } catch {
    return undefined;
  }
  return `${apiRoot(project)}/-/commit/${sha}`;
}

/**
 * `service-registry gitlab-issues`: an issue in the GitLab project of each service a breaking
 * change reaches directly (see `runConsumerIssues`). Run it where the registry's change lands (a
 * pipeline of the default branch), with a token that may open issues in the consumers' projects
 * (`SERVICE_REGISTRY_GITLAB_TOKEN`); the projects are on `CI_SERVER_URL` (default
 * `https://gitlab.com`), GitLab's API at `CI_API_V4_URL`. `--dry-run` prints the issues instead,
 * and needs no token.
 */
export async function gitlabIssuesCommand(
  options: ConsumerIssuesOptions,
  io: CliIO,
): Promise<number> {
  const env = io.env ?? process.env;
  const serverUrl = apiUrlVariable(
    'CI_SERVER_URL',
    env.CI_SERVER_URL || 'https://gitlab.com',
    'https://gitlab.example.com',
  );
  return runConsumerIssues(
    {
      command: 'gitlab-issues',
      notOnHost: 'its repository is not on the GitLab server (CI_SERVER_URL)',
      repositoryOf: address => gitlabProjectOf(address, serverUrl),
      changeUrl: changeUrlFrom(env),
      refusals: [400, 403, 404],
      async connect() {
        const token = requiredVariable(
          env,
          'SERVICE_REGISTRY_GITLAB_TOKEN',
          "add a masked CI/CD variable SERVICE_REGISTRY_GITLAB_TOKEN with a token that may open issues in the consumers' projects (api scope, Reporter role: a group access token of their top-level group)",
        );
        const apiUrl = apiRoot(
          apiUrlVariable(
            'CI_API_V4_URL',
            env.CI_API_V4_URL || `${apiRoot(serverUrl)}/api/v4`,
            'https://gitlab.example.com/api/v4',
          ),
        );
        const api = gitlabApi(token, adviceFor);
        return new ProjectIssues(api, apiUrl, await gitlabUserId(api, apiUrl));
      },
    },
    options,
    io,
  );
}
