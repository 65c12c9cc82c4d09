import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { RegistryFileInput } from '@service-registry/plugin-service-registry-common';
import {
  readRegistryDirectory,
  readRegistryFromUrl,
} from '@service-registry/plugin-service-registry-node';
import { FileLocation } from '../lib/mapRegistryToEntities';

/** The result of reading a registry source. */
export type RegistryReadResult =
  | { notModified: true }
  | { notModified?: false; files: RegistryFileInput[]; etag?: string };

/** Where a registry is read from: a local directory or a URL location. */
export interface RegistrySource {
  /** Location reference of the registry root, `file:…` or `url:…`. */
  readonly rootLocation: string;
  /** Reads every file; `etag` lets URL sources answer "not modified". */
  read(etag?: string): Promise<RegistryReadResult>;
  /** Where people can see a file of the registry. */
  fileLocation(file: string): FileLocation;
}

function isUrl(target: string) {
  return /^https?:\/\//i.test(target);
}

class DirectorySource implements RegistrySource {
  readonly rootLocation: string;
  constructor(private readonly dir: string) {
    this.rootLocation = `file:${dir}`;
  }
  async read(): Promise<RegistryReadResult> {
    return { files: await readRegistryDirectory(this.dir) };
  }
  fileLocation(file: string): FileLocation {
    return { location: `file:${path.join(this.dir, ...file.split('/'))}` };
  }
}

class UrlSource implements RegistrySource {
  readonly rootLocation: string;
  constructor(
    private readonly url: string,
    private readonly reader: UrlReaderService,
    private readonly integrations: ScmIntegrationRegistry,
  ) {
    this.rootLocation = `url:${url}`;
  }
  async read(etag?: string): Promise<RegistryReadResult> {
    const result = await readRegistryFromUrl(this.reader, this.url, { etag });
    if ('notModified' in result) return { notModified: true };
    return { files: result.files, etag: result.etag };
  }
  fileLocation(file: string): FileLocation {
    const base = this.url.endsWith('/') ? this.url : `${this.url}/`;
    const url = this.integrations.resolveUrl({ url: file, base });
    const integration = this.integrations.byUrl(url);
    const lineAnchor =
      integration?.type === 'gitlab' || integration?.type === 'github';
    return {
      location: `url:${url}`,
      viewUrl: lineAnchor ? line => `${url}#L${line}` : () => url,
      editUrl: this.integrations.resolveEditUrl(url),
    };
  }
}

/**
 * Creates the source for a configured target: a URL goes through Backstage's `UrlReaderService`
 * (so GitHub, GitLab and the other integrations work with their usual config), anything else is
 * a directory, relative to the backend's working directory.
 */
export function createRegistrySource(
  target: string,
  deps: { reader: UrlReaderService; integrations: ScmIntegrationRegistry },
): RegistrySource {
  if (isUrl(target)) {
    return new UrlSource(target, deps.reader, deps.integrations);
  }
  if (/^file:/i.test(target)) {
    return new DirectorySource(path.resolve(new URL(target).pathname));
  }
  return new DirectorySource(path.resolve(target));
}
