import { ResponseError } from '@backstage/errors';

/**
 * What went wrong, in the words of whoever knows best: for a failed backend request the
 * backend's own message (e.g. `registry "default" has not been ingested yet …`), not the bare
 * "Request failed with 503 Service Unavailable"; for anything else the error's message.
 */
export function errorMessage(error: Error): string {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const cause = (error as ResponseError).cause;
    if (cause?.message) return cause.message;
  }
  return error.message;
}
