import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { NotModifiedError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import * as nodeModule from '@service-registry/plugin-service-registry-node';
import { createRegistrySource } from './RegistrySource';

jest.mock('@service-registry/plugin-service-registry-node', () => {
  const actual = jest.requireActual(
    '@service-registry/plugin-service-registry-node',
  );
  return {
    ...actual,
    readRegistryDirectory: jest.fn(actual.readRegistryDirectory),
  };
});

const directoryReads = nodeModule.readRegistryDirectory as jest.MockedFunction<
  typeof nodeModule.readRegistryDirectory
>;

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({ integrations: { github: [{ host: 'github.com' }] } }),
);

/** A UrlReaderService that serves one tree, and honours ETags like the real readers. */
function treeReader(
  files: Record<string, string>,
  etag: string,
): UrlReaderService {
  return {
    async readUrl() {
      throw new Error('not used');
    },
    async search() {
      throw new Error('not used');
    },
    async readTree(_url, options) {
      if (options?.etag === etag) throw new NotModifiedError();
      const entries = Object.entries(files).filter(
        ([p]) => options?.filter?.(p) ?? true,
      );
      return {
        etag,
        async files() {
          return entries.map(([p, text]) => ({
            path: p,
            content: async () => Buffer.from(text),
          }));
        },
        async archive() {
          throw new Error('not used');
        },
        async dir() {
          throw new Error('not used');
        },
      };
    },
  };
}

describe('createRegistrySource', () => {
  it('reads a hosted registry through the UrlReaderService, with ETags', async () => {
    const reader = treeReader(
      {
        'services/catalog.toml': '[service.a]\nversion = "1.0.0"\n',
        'README.md': '# not a registry file',
      },
      'etag-1',
    );
    const source = createRegistrySource(
      'https://github.com/acme/registry/tree/main',
      {
        reader,
        integrations,
      },
    );

    const first = await source.read();
    expect(first.notModified).toBeFalsy();
    expect(!first.notModified && first.files.map(f => f.path)).toEqual([
      'services/catalog.toml',
    ]);
    expect(!first.notModified && first.etag).toBe('etag-1');
    expect(await source.read('etag-1')).toEqual({ notModified: true });
  });

  it('points hosted files at their line and edit page', () => {
    const source = createRegistrySource(
      'https://github.com/acme/registry/tree/main',
      {
        reader: treeReader({}, 'x'),
        integrations,
      },
    );
    const where = source.fileLocation('projects/alpha/services.toml');
    expect(source.rootLocation).toBe(
      'url:https://github.com/acme/registry/tree/main',
    );
    expect(where.location).toBe(
      'url:https://github.com/acme/registry/tree/main/projects/alpha/services.toml',
    );
    expect(where.viewUrl?.(12)).toBe(
      'https://github.com/acme/registry/tree/main/projects/alpha/services.toml#L12',
    );
    expect(where.editUrl).toBe(
      'https://github.com/acme/registry/edit/main/projects/alpha/services.toml',
    );
  });

  it.each([
    [
      'a GitHub repository root (its default branch)',
      'https://github.com/acme/registry',
      'https://github.com/acme/registry/tree/HEAD/projects/my%20shop/services.toml',
      'https://github.com/acme/registry/tree/HEAD/projects/my%20shop/services.toml#L7',
    ],
    [
      'a GitLab repository root in a subgroup',
      'https://gitlab.com/acme/platform/registry',
      'https://gitlab.com/acme/platform/registry/-/tree/HEAD/projects/my%20shop/services.toml',
      'https://gitlab.com/acme/platform/registry/-/tree/HEAD/projects/my%20shop/services.toml#L7',
    ],
    [
      'a Bitbucket Server folder at a branch (a query after the path; its own line anchor)',
      'https://bitbucket.example.com/projects/ACME/repos/registry/browse/registry?at=refs/heads/main',
      'https://bitbucket.example.com/projects/ACME/repos/registry/browse/registry/projects/my%20shop/services.toml?at=refs/heads/main',
      'https://bitbucket.example.com/projects/ACME/repos/registry/browse/registry/projects/my%20shop/services.toml?at=refs/heads/main#7',
    ],
    [
      'an Azure DevOps folder (the path in the query)',
      'https://dev.azure.com/acme/platform/_git/registry?path=/registry&version=GBmain',
      'https://dev.azure.com/acme/platform/_git/registry?path=%2Fregistry%2Fprojects%2Fmy%2520shop%2Fservices.toml&version=GBmain',
      'https://dev.azure.com/acme/platform/_git/registry?path=%2Fregistry%2Fprojects%2Fmy%2520shop%2Fservices.toml&version=GBmain&line=7&lineEnd=8&lineStartColumn=1&lineEndColumn=1',
    ],
  ])(
    'points the files of %s at the file in that folder',
    (_, target, location, view) => {
      const source = createRegistrySource(target, {
        reader: treeReader({}, 'x'),
        integrations: ScmIntegrations.fromConfig(
          new ConfigReader({
            integrations: {
              bitbucketServer: [{ host: 'bitbucket.example.com' }],
            },
          }),
        ),
      });
      const where = source.fileLocation('projects/my shop/services.toml');
      expect(where.location).toBe(`url:${location}`);
      expect(where.viewUrl?.(7)).toBe(view);
    },
  );

  it('treats anything else as a directory', () => {
    const source = createRegistrySource('examples/registry', {
      reader: treeReader({}, 'x'),
      integrations,
    });
    expect(source.rootLocation).toBe(
      `file:${path.resolve('examples/registry')}`,
    );
    expect(source.fileLocation('services/catalog.toml').location).toBe(
      `file:${path.resolve('examples/registry/services/catalog.toml')}`,
    );
  });
});

describe('a file: target', () => {
  const dirOf = (target: string) =>
    createRegistrySource(target, {
      reader: treeReader({}, 'x'),
      integrations,
    }).rootLocation;

  it('reads file:<path> as a path, relative to the working directory like a plain one', () => {
    expect(dirOf('file:./examples/registry')).toBe(
      `file:${path.resolve('examples/registry')}`,
    );
    expect(dirOf('file:../registry')).toBe(
      `file:${path.resolve('../registry')}`,
    );
    expect(dirOf('file:/srv/my registry')).toBe('file:/srv/my registry');
  });

  it('reads a file:// URL as a URL, percent-encoding decoded', () => {
    expect(dirOf('file:///srv/my%20registry')).toBe('file:/srv/my registry');
    expect(dirOf('file://localhost/srv/registry')).toBe('file:/srv/registry');
  });

  it('refuses a file:// URL of another host, naming it', () => {
    expect(() => dirOf('file://fileserver/srv/registry')).toThrow(
      /file:\/\/fileserver\/srv\/registry.*host/,
    );
  });
});

describe('a directory source', () => {
  let dir: string;
  const catalog = () => path.join(dir, 'services/catalog.toml');
  const paths = (result: any) =>
    result.files.map((f: { path: string }) => f.path).sort();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-source-'));
    fs.mkdirSync(path.join(dir, 'services'));
    fs.mkdirSync(path.join(dir, 'projects/shop'), { recursive: true });
    fs.writeFileSync(catalog(), '[service.auth]\nversion = "1.0.0"\n');
    fs.writeFileSync(
      path.join(dir, 'projects/shop/services.toml'),
      '[service.cart]\nversion = "1.0.0"\n',
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const source = (settleMs: number) =>
    createRegistrySource(dir, {
      reader: treeReader({}, 'x'),
      integrations,
      settleMs,
    });

  it('has nothing to apply while its files are being changed, and takes them once they stay the same', async () => {
    const registry = source(1000);
    expect(paths(await registry.read())).toEqual([
      'projects/shop/services.toml',
      'services/catalog.toml',
    ]);
    // a checkout in progress: the project's file is gone for a moment, then written back
    fs.rmSync(path.join(dir, 'projects/shop/services.toml'));
    const reading = registry.read();
    setTimeout(
      () =>
        fs.writeFileSync(
          path.join(dir, 'projects/shop/services.toml'),
          '[service.cart]\nversion = "1.1.0"\n',
        ),
      200,
    );
    expect(await reading).toEqual({ notModified: true, changing: true });
    const settled: any = await registry.read();
    expect(paths(settled)).toEqual([
      'projects/shop/services.toml',
      'services/catalog.toml',
    ]);
    expect(
      settled.files.find((f: any) => f.path === 'projects/shop/services.toml')
        .text,
    ).toContain('1.1.0');
  });

  it('does not read a file above maxFileBytes, marking it for the loader', async () => {
    fs.writeFileSync(
      catalog(),
      '[service.auth]\nversion = "1.0.0"\nowner = "platform-team"\n',
    );
    const registry = createRegistrySource(dir, {
      reader: treeReader({}, 'x'),
      integrations,
      settleMs: 0,
      maxFileBytes: 40,
    });
    const result: any = await registry.read();
    const shop = result.files.find(
      (f: any) => f.path === 'projects/shop/services.toml',
    );
    const catalogFile = result.files.find(
      (f: any) => f.path === 'services/catalog.toml',
    );
    expect(shop.tooLarge).toBeUndefined();
    expect(catalogFile.tooLarge).toEqual({ bytes: 57, limit: 40 });
  });

  it('answers not modified for the ETag of files that did not change', async () => {
    const registry = source(0);
    const first: any = await registry.read();
    expect(first.etag).toEqual(expect.any(String));
    expect(await registry.read(first.etag)).toEqual({ notModified: true });
    fs.writeFileSync(catalog(), '[service.auth]\nversion = "1.1.0"\n');
    const changed: any = await registry.read(first.etag);
    expect(paths(changed)).toHaveLength(2);
    expect(changed.etag).not.toBe(first.etag);
  });

  it('takes every read as it is with settleMs 0', async () => {
    const registry = source(0);
    fs.writeFileSync(catalog(), '');
    expect(paths(await registry.read())).toEqual([
      'projects/shop/services.toml',
      'services/catalog.toml',
    ]);
  });

  describe('on a frequent schedule', () => {
    const realNow = Date.now;
    /** Reads as if `seconds` had passed since the files were written. */
    const later = (seconds: number) =>
      jest.spyOn(Date, 'now').mockReturnValue(realNow() + seconds * 1000);
    beforeEach(() => directoryReads.mockClear());
    afterEach(() => jest.restoreAllMocks());

    it('answers not modified without reading the files once they have stayed the same a while', async () => {
      const registry = source(0);
      later(10);
      const first: any = await registry.read();
      expect(directoryReads).toHaveBeenCalledTimes(1);
      expect(await registry.read(first.etag)).toEqual({ notModified: true });
      expect(await registry.read(first.etag)).toEqual({ notModified: true });
      expect(directoryReads).toHaveBeenCalledTimes(1);
    });

    it('reads files again while they were changed just before the last read', async () => {
      const registry = source(0);
      const first: any = await registry.read();
      // written a moment before that read: a write after it could share its timestamps
      expect(await registry.read(first.etag)).toEqual({ notModified: true });
      expect(directoryReads).toHaveBeenCalledTimes(2);
      // read again later: from then on the stamp is enough
      later(10);
      expect(await registry.read(first.etag)).toEqual({ notModified: true });
      expect(await registry.read(first.etag)).toEqual({ notModified: true });
      expect(directoryReads).toHaveBeenCalledTimes(3);
    });

    it('sees a write that keeps the size and sets the modification time back', async () => {
      const then = new Date('2026-01-01T00:00:00Z');
      fs.utimesSync(catalog(), then, then);
      const registry = source(0);
      later(10);
      const first: any = await registry.read();
      fs.writeFileSync(catalog(), '[service.auth]\nversion = "1.0.1"\n');
      fs.utimesSync(catalog(), then, then);
      const changed: any = await registry.read(first.etag);
      expect(
        changed.files.find((f: any) => f.path === 'services/catalog.toml').text,
      ).toContain('1.0.1');
    });

    it('sees an added and a removed file', async () => {
      const registry = source(0);
      later(10);
      const first: any = await registry.read();
      fs.mkdirSync(path.join(dir, 'projects/billing'));
      fs.writeFileSync(
        path.join(dir, 'projects/billing/services.toml'),
        '[service.invoice]\nversion = "1.0.0"\n',
      );
      const added: any = await registry.read(first.etag);
      expect(paths(added)).toContain('projects/billing/services.toml');
      fs.rmSync(path.join(dir, 'projects/shop/services.toml'));
      const removed: any = await registry.read(added.etag);
      expect(paths(removed)).not.toContain('projects/shop/services.toml');
    });

    it('reads the files when asked without an ETag (a run that applies everything again)', async () => {
      const registry = source(0);
      later(10);
      await registry.read();
      const again: any = await registry.read();
      expect(paths(again)).toHaveLength(2);
      expect(directoryReads).toHaveBeenCalledTimes(2);
    });
  });
});
