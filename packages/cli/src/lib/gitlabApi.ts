import { apiRoot, HostedApi } from './hostedApi';

/** A merge request of a GitLab project, and the token the CLI calls GitLab's API with. */
export interface MergeRequestTarget {
  /** GitLab's REST API, `https://gitlab.example.com/api/v4` (`CI_API_V4_URL`). */
  apiUrl: string;
  /** The id or path of the merge request's project (`CI_MERGE_REQUEST_PROJECT_ID`). */
  projectId: string;
  /** The merge request's number in its project (`CI_MERGE_REQUEST_IID`). */
  mergeRequestIid: string;
  /** The token (`SERVICE_REGISTRY_GITLAB_TOKEN`); never printed. */
  token: string;
}

/**
 * GitLab's REST API as the CLI calls it: the token in `PRIVATE-TOKEN`, and what its error
 * statuses mean for the command (`adviceFor`).
 */
export function gitlabApi(
  token: string,
  adviceFor: (status: number) => string,
): HostedApi {
  return {
    name: 'GitLab',
    urlVariable: "that CI_API_V4_URL is GitLab's API (…/api/v4)",
    token,
    headers: { 'PRIVATE-TOKEN': token, Accept: 'application/json' },
    adviceFor,
  };
}

/** The API address of the target's merge request (`…/projects/:id/merge_requests/:iid`). */
export function mergeRequestUrl(target: MergeRequestTarget): string {
  return `${apiRoot(target.apiUrl)}/projects/${encodeURIComponent(
    target.projectId,
  )}/merge_requests/${encodeURIComponent(target.mergeRequestIid)}`;
}
