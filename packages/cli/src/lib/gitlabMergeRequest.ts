import { apiUrlVariable, requiredVariable } from './ciVariables';
import { UsageError } from './errors';
import { MergeRequestTarget } from './gitlabApi';

/** The CI/CD variable that holds the token the CLI calls GitLab's API with. */
const GITLAB_TOKEN_VARIABLE = 'SERVICE_REGISTRY_GITLAB_TOKEN';

/**
 * The merge request a GitLab merge request pipeline runs for, from GitLab's predefined variables,
 * and the token of `SERVICE_REGISTRY_GITLAB_TOKEN`.
 *
 * @param env - the pipeline's variables
 * @param command - the command (`gitlab-note`), which the message of a missing variable names
 */
export function mergeRequestTargetFrom(
  env: NodeJS.ProcessEnv,
  command: string,
): MergeRequestTarget {
  const inMergeRequest = `${command} runs in a merge request pipeline, which GitLab gives it (a job with rules: - if: $CI_PIPELINE_SOURCE == "merge_request_event")`;
  const apiUrl = apiUrlVariable(
    'CI_API_V4_URL',
    requiredVariable(env, 'CI_API_V4_URL', inMergeRequest),
    'https://gitlab.example.com/api/v4',
  );
  const mergeRequestIid = requiredVariable(
    env,
    'CI_MERGE_REQUEST_IID',
    inMergeRequest,
  );
  if (!/^[1-9]\d*$/.test(mergeRequestIid)) {
    throw new UsageError(
      `CI_MERGE_REQUEST_IID must be a merge request's number, got ${mergeRequestIid}`,
    );
  }
  // the merge request's own project: for a merge request from a fork, CI_PROJECT_ID is the fork
  const projectId = requiredVariable(
    env,
    'CI_MERGE_REQUEST_PROJECT_ID',
    inMergeRequest,
    'CI_PROJECT_ID',
  );
  const token = requiredVariable(
    env,
    GITLAB_TOKEN_VARIABLE,
    `add a masked CI/CD variable ${GITLAB_TOKEN_VARIABLE} with a project access token (Reporter role, api scope); a pipeline of a merge request from a fork does not get the project's variables`,
  );
  return { apiUrl, projectId, mergeRequestIid, token };
}
