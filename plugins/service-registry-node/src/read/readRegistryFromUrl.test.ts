import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
} from '@backstage/backend-plugin-api';
import { readRegistryFromUrl } from './readRegistryFromUrl';

class NotModifiedError extends Error {
  name = 'NotModifiedError';
}

function fakeReader(
  files: Record<string, string>,
  etag: string,
): UrlReaderService & { calls: UrlReaderServiceReadTreeOptions[] } {
  const calls: UrlReaderServiceReadTreeOptions[] = [];
  return {
    calls,
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
        ([filePath]) => options.filter?.(filePath) ?? true,
      );
      return {
        etag,
        async files() {
          return kept.map(([filePath, text]) => ({
            path: filePath,
            content: async () => Buffer.from(text, 'utf8'),
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
      },
      'sha-1',
    );
    const result = await readRegistryFromUrl(reader, url);
    expect(result).toEqual({
      etag: 'sha-1',
      files: [
        { path: 'projects/p/services.toml', text: '[project]\n' },
        { path: 'services/catalog.toml', text: '[service.a]\n' },
      ],
    });
    expect(reader.calls[0].etag).toBeUndefined();
  });

  it('answers notModified when the etag still matches', async () => {
    const reader = fakeReader({ 'services/catalog.toml': '' }, 'sha-1');
    await expect(
      readRegistryFromUrl(reader, url, { etag: 'sha-1' }),
    ).resolves.toEqual({ notModified: true });
    expect(reader.calls[0].etag).toBe('sha-1');
  });

  it('lets other errors through', async () => {
    const reader = fakeReader({}, 'sha-1');
    reader.readTree = async () => {
      throw new Error('boom');
    };
    await expect(readRegistryFromUrl(reader, url)).rejects.toThrow('boom');
  });
});
