import { InputError } from '@backstage/errors';
import express, { Request, Response } from 'express';

/** The largest body read: the endpoints take none, so a body is only read to be refused. */
const LIMIT = '1kb';

/** body-parser's JSON reader, taking a body of any type as JSON (so none is silently ignored). */
const readJson = express.json({ limit: LIMIT, type: () => true });

/**
 * Reads a request's body as JSON, in a route (never as the router's middleware: the router is
 * mounted on the service-registry plugin's, before its own endpoints, which take no body), so that
 * it is read only once the caller is known to be allowed.
 *
 * @param req - the request
 * @param res - its response
 * @param what - what takes the body, for the error: `the reminder takes no body: ...`
 * @returns the body, `undefined` when the request has none
 * @throws InputError naming what to give, never quoting the body, when it is not JSON (body-parser's
 *   error quotes it, and may thus echo a credential); a `413` error above 1 kB
 */
export function readJsonBody(
  req: Request,
  res: Response,
  what: string,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    readJson(req, res, (error?: unknown) => {
      if (!error) {
        resolve(req.body);
      } else if ((error as { type?: unknown }).type === 'entity.parse.failed') {
        reject(new InputError(`${what} (the body sent is not JSON)`));
      } else {
        reject(error);
      }
    });
  });
}
