import { ReadError } from './errors';
import { HostedApi, requestJson } from './hostedApi';

/**
 * The id of the token's user (`GET /user`): the notes and issues a command may replace are that
 * user's only.
 *
 * @param apiUrl - GitLab's REST API (`…/api/v4`), without trailing slashes
 */
export async function gitlabUserId(
  api: HostedApi,
  apiUrl: string,
): Promise<number> {
  const { json } = await requestJson(
    api,
    "read the token's user",
    `${apiUrl}/user`,
  );
  const id = (json as { id?: unknown }).id;
  if (typeof id !== 'number') {
    throw new ReadError(
      "cannot read the token's user: GitLab's answer has no user id",
    );
  }
  return id;
}
