import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
} from '@backstage/backend-plugin-api';
import { readRegistryFromUrl } from './readRegistryFromUrl';

class NotModifiedError extends Error {
  name = 'NotModifiedError';
}

/**
 * A URL reader over the given files. Like Backstage's tar and zip readers, it gives the filter
 * each file's size, unless `sizes` is false (its object storage readers do not).
 */
function fakeReader(
  files: Record<string, string>,
  etag: string,
  { sizes = true }: { sizes?: boolean } = {},
): UrlReaderService & {
  calls: UrlReaderServiceReadTreeOptions[];
  contentRead: string[];
} {
  const calls: UrlReaderServiceReadTreeOptions[] = [];
  const contentRead: string[] = [];
  return {
    calls,
    contentRead,
    async readUrl() {
      throw new Error('not used');
    },
    async search() {
      throw new Error('not used');
    },
    async readTree(_url, options = {}) {
      calls.push(options);
      if (options.etag === etag) throw new NotModifiedError('unchanged');
      const kept = Object.entries(files).filter(
        ([filePath, text]) =>
          options.filter?.(
            filePath,
            sizes ? { size: Buffer.byteLength(text) } : undefined,
          ) ?? true,
      );
      return {
        etag,
        async files() {
          return kept.map(([filePath, text]) => ({
            path: filePath,
            content: async () => {
              contentRead.push(filePath);
              return Buffer.from(text, 'utf8');
            },
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

describe('readRegistryFromUrl', () => {
  const url = 'https://github.com/acme/registry/tree/main';

  it('reads the toml files of the tree with its etag', async () => {
    const reader = fakeReader(
      {
        'services/catalog.toml': '[service.a]\n',
        'projects/p/services.toml': '[project]\n',
        'README.md': '# registry',
        '.github/workflows/x.toml': 'x = 1',
        'projects/q/services.TOML': '[project]\n',
      },
      'sha-1',
    );
    const result = await readRegistryFromUrl(reader, url);
    expect(result).toEqual({
      etag: 'sha-1',
      files: [
        { path: 'projects/p/services.toml', text: '[project]\n' },
        // read, for the loader to say that its name is not the layout's
        { path: 'projects/q/services.TOML', text: '[project]\n' },
        { path: 'services/catalog.toml', text: '[service.a]\n' },
      ],
    });
    expect(reader.calls[0].etag).toBeUndefined();
  });

  it('leaves out of the tree a file above the size limit, marking it without reading it', async () => {
    const reader = fakeReader(
      {
        'services/catalog.toml': '[service.a]\n',
        'projects/shop/services.toml': `# ${'x'.repeat(5000)}\n`,
      },
      'sha-2',
    );
    const result = await readRegistryFromUrl(reader, url, {
      maxFileBytes: 1024,
    });
    expect(result).toEqual({
      etag: 'sha-2',
      files: [
        {
          path: 'projects/shop/services.toml',
          text: expect.any(String),
          tooLarge: { bytes: 5003, limit: 1024 },
        },
        { path: 'services/catalog.toml', text: '[service.a]\n' },
      ],
    });
    expect(reader.contentRead).toEqual(['services/catalog.toml']);
  });

  it('marks a file above the limit after reading it when the reader gives no sizes', async () => {
    const reader = fakeReader(
      {
        'services/catalog.toml': '[service.a]\n',
        'projects/shop/services.toml': `# ${'x'.repeat(5000)}\n`,
      },
      'sha-2',
      { sizes: false },
    );
    const result = await readRegistryFromUrl(reader, url, {
      maxFileBytes: 1024,
    });
    expect(result).toMatchObject({
      files: [
        {
          path: 'projects/shop/services.toml',
          tooLarge: { bytes: 5003, limit: 1024 },
        },
        { path: 'services/catalog.toml', text: '[service.a]\n' },
      ],
    });
    // and the default limit is far above a registry file
    expect(
      await readRegistryFromUrl(
        fakeReader({ 'services/catalog.toml': 'x = 1\n' }, 'sha-3'),
        url,
      ),
    ).toEqual({
      etag: 'sha-3',
      files: [{ path: 'services/catalog.toml', text: 'x = 1\n' }],
    });
  });

  it('answers notModified when the etag still matches', async () => {
    const reader = fakeReader({ 'services/catalog.toml': '' }, 'sha-1');
    await expect(
      readRegistryFromUrl(reader, url, { etag: 'sha-1' }),
    ).resolves.toEqual({ notModified: true });
    expect(reader.calls[0].etag).toBe('sha-1');
  });

  it('refuses a location without any file, which is no folder of the repository', async () => {
    // git keeps no empty folder: a tree without a single file is a path or branch that does
    // not have the folder (the git hosts' readers answer it with an empty archive)
    const url404 = 'https://github.com/acme/registry/tree/main/registyr';
    await expect(
      readRegistryFromUrl(fakeReader({}, 'sha-1'), url404),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        `No file found at ${url404}: the repository has no such folder at that branch`,
      ),
    });
    // a folder with files, none of them the registry's, is an empty registry
    await expect(
      readRegistryFromUrl(fakeReader({ 'README.md': '# x' }, 'sha-2'), url),
    ).resolves.toEqual({ files: [], etag: 'sha-2' });
  });

  it('lets other errors through', async () => {
    const reader = fakeReader({}, 'sha-1');
    reader.readTree = async () => {
      throw new Error('boom');
    };
    await expect(readRegistryFromUrl(reader, url)).rejects.toThrow('boom');
  });
});
