import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/**
 * A response body serialised once (per snapshot), with its gzip-compressed bytes and a strong
 * ETag made when first asked for: a large answer sent again costs no serialisation, no
 * compression (the root router's compression middleware leaves a body already encoded alone) and
 * no hashing.
 */
export class SerializedBody {
  private gzipCache?: Buffer;
  private etagCache?: string;

  /**
   * @param bytes - the body
   * @param contentType - its `Content-Type`, charset included
   */
  constructor(readonly bytes: Buffer, readonly contentType: string) {}

  /** A JSON answer, as `res.json` would send it. */
  static json(value: unknown): SerializedBody {
    return new SerializedBody(
      Buffer.from(JSON.stringify(value)),
      'application/json; charset=utf-8',
    );
  }

  /** The body gzip-compressed, once. */
  get gzip(): Buffer {
    this.gzipCache ??= gzipSync(this.bytes, { level: 6 });
    return this.gzipCache;
  }

  /** A strong ETag of the body. */
  get etag(): string {
    this.etagCache ??= `"${createHash('sha1')
      .update(this.bytes)
      .digest('hex')}"`;
    return this.etagCache;
  }

  /**
   * Sends the body with its ETag (`If-None-Match` with it answers `304`), gzip-compressed when
   * the client accepts gzip.
   *
   * @param req - the request
   * @param res - its response
   */
  send(req: Request, res: Response): void {
    res.setHeader('ETag', this.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', 'private, no-cache');
    if (req.headers['if-none-match'] === this.etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', this.contentType);
    if (req.acceptsEncodings('gzip') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(this.gzip);
    } else {
      res.send(this.bytes);
    }
  }
}
