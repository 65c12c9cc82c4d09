import request from 'supertest';
import { LEFT_OUT_TOO_DEEP } from '@service-registry/plugin-service-registry-common';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

/** `n` parts `a` joined by dots. */
const parts = (n: number) => Array.from({ length: n }, () => 'a').join('.');

/** A service with a dotted key of 5,000 parts below its metadata, and one within the limit. */
const FILES = [
  {
    path: 'services/catalog.toml',
    text: [
      '[service.auth]',
      'owner = "platform-team"',
      'version = "1.2.3"',
      'status = "ga"',
      `metadata.kept.${parts(50)} = "fifty levels"`,
      `metadata.deep.${parts(5_000)} = "five thousand levels"`,
      '',
      '[service.old-api]',
      'owner = "platform-team"',
      'version = "1.0.0"',
      'status = "deprecated"',
      'deprecation_date = "2026-01-01"',
      'sunset_date = "2026-06-01"',
      'replacement_service = "auth"',
      `metadata.deep.${parts(5_000)} = "five thousand levels"`,
    ].join('\n'),
  },
  {
    path: 'projects/shop/services.toml',
    text: [
      '[project]',
      'name = "Shop"',
      '[service.shop-api]',
      'owner = "shop-team"',
      'version = "2.0.0"',
      'dependencies.requires = ["auth", "old-api"]',
    ].join('\n'),
  },
];

/** The value below `path` (keys of `a`) that is not `{ a: ... }` any more, and its depth. */
function bottom(value: unknown): { depth: number; value: unknown } {
  let depth = 0;
  let current = value;
  while (
    current !== null &&
    typeof current === 'object' &&
    Object.keys(current).join() === 'a'
  ) {
    current = (current as { a: unknown }).a;
    depth++;
  }
  return { depth, value: current };
}

describe('service-registry backend: values nested thousands of levels deep', () => {
  it('are answered by every endpoint, the deep part left out, and reported with their line', async () => {
    const { server } = await startRegistryBackend(publishedFiles(FILES));
    const paths = [
      '/registries',
      '/graph',
      '/impact/auth',
      '/findings',
      '/services/auth',
      '/services/auth/summary',
      '/services/old-api',
      '/projects/shop/summary',
      '/projects/%3Aglobal/summary',
      '/deprecations',
      '/deprecations/old-api',
      '/services/shop-api/deprecated-dependencies',
      '/sla',
      '/sla/auth',
      '/openslo?format=json',
    ];
    for (const path of paths) {
      const res = await request(server).get(`/api/service-registry${path}`);
      expect([path, res.status]).toEqual([path, 200]);
    }

    const service = await request(server).get(
      '/api/service-registry/services/auth',
    );
    const metadata = service.body.service.metadata;
    // within the limit: whole
    expect(bottom(metadata.kept)).toEqual({ depth: 50, value: 'fifty levels' });
    // below: cut where the answer is 100 levels deep (`service.metadata.deep` is 3 levels down)
    expect(bottom(metadata.deep)).toEqual({
      depth: 97,
      value: LEFT_OUT_TOO_DEEP,
    });
    expect(service.text).not.toContain('five thousand levels');

    const findings = await request(server).get(
      '/api/service-registry/findings',
    );
    expect(
      findings.body.items
        .filter((f: { code: string }) => f.code === 'toml/nesting-too-deep')
        .map((f: { file: string; line: number; service: string }) => [
          f.file,
          f.line,
          f.service,
        ]),
    ).toEqual([
      ['services/catalog.toml', 6, 'auth'],
      ['services/catalog.toml', 15, 'old-api'],
    ]);
  });
});
