import { registryOf, runRule } from '../__testUtils__/registryOf';
import { createValidationContext } from '../context';
import { validateRegistry } from '../validateRegistry';
import { MAX_NESTING_DEPTH } from '../secrets/valueScan';
import { nestingDepth } from './nestingDepth';

/** `n` parts `a` joined by dots. */
const parts = (n: number) => Array.from({ length: n }, () => 'a').join('.');

describe('nestingDepth', () => {
  // [service.api] is 2 parts, `metadata` 1 more: a dotted key of 61 parts below metadata reaches
  // 64 parts from the top of the file, the limit
  const files = {
    'services/catalog.toml': [
      '[service.api]', // 1
      'version = "1.0.0"',
      `metadata.${parts(61)} = 1`, // 64 parts: accepted
      `metadata.b.${parts(5_000)} = 1`, // 5,003 parts
      `metadata.c = [[[${'['.repeat(70)}1${']'.repeat(70)}]]]`, // 5
      '[service.web]',
      `metadata.d.${parts(60)} = { x = 1 }`, // 65 parts
    ].join('\n'),
    'projects/p/services.toml': [
      '[project]', // 1
      'owner = "team"',
      `[service.api.metadata.${parts(80)}]`, // a header of 84 parts
      'token_ref = "${TOKEN}"',
    ].join('\n'),
    'policies/governance.toml': [
      '[governance]',
      `extra.${parts(70)} = true`,
    ].join('\n'),
  };

  it('reports each value nested deeper than 64 parts, at its table 64 parts down, once', () => {
    expect(MAX_NESTING_DEPTH).toBe(64);
    const findings = runRule(nestingDepth, files);
    expect(
      findings.map(f => [
        f.file,
        f.line,
        f.column,
        f.code,
        f.severity,
        f.service,
        f.project,
      ]),
    ).toEqual([
      [
        'services/catalog.toml',
        4,
        1,
        'toml/nesting-too-deep',
        'error',
        'api',
        undefined,
      ],
      [
        'services/catalog.toml',
        5,
        74, // the array 64 parts down, at its own bracket
        'toml/nesting-too-deep',
        'error',
        'api',
        undefined,
      ],
      [
        'services/catalog.toml',
        7,
        1,
        'toml/nesting-too-deep',
        'error',
        'web',
        undefined,
      ],
      [
        'projects/p/services.toml',
        3,
        1,
        'toml/nesting-too-deep',
        'error',
        'api',
        'p',
      ],
      [
        'policies/governance.toml',
        2,
        1,
        'toml/nesting-too-deep',
        'error',
        undefined,
        undefined,
      ],
    ]);
    expect(findings[0].message).toMatch(
      /^Service "api": metadata\.b\.a\.a\.(?:a\.)+a holds values nested more than 64 levels deep \(counting keys and array elements from the top of the file\)\. No registry table needs that depth, .*: the portal leaves these values out of what it shows\. Write the key with fewer parts/,
    );
    // the label is the path to the table 64 parts down (62 below the service), not 5,003 parts
    expect(findings[0].message.split(' holds')[0].split('.')).toHaveLength(62);
    expect(findings[1].message).toContain('metadata.c[0][0]');
    expect(findings[4].message).toMatch(
      /^policies\/governance\.toml: governance\.extra\.a/,
    );
  });

  it('is part of validateRegistry, and accepts a registry within the limit', () => {
    expect(
      validateRegistry(registryOf(files))
        .filter(f => f.code === 'toml/nesting-too-deep')
        .map(f => `${f.file}:${f.line}`),
    ).toEqual([
      'policies/governance.toml:2',
      'projects/p/services.toml:3',
      'services/catalog.toml:4',
      'services/catalog.toml:5',
      'services/catalog.toml:7',
    ]);
    expect(
      runRule(nestingDepth, {
        'services/catalog.toml': [
          '[service.api]',
          `metadata.${parts(61)} = [1, 2]`,
          `metadata.list = [[{ a = 1 }], []]`,
          `[service.api.metadata.${parts(60)}]`,
          'x = 1',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('reads a registry that cannot be traced to its files from its model, the depth counted from each service', () => {
    const copy = { ...registryOf(files) };
    const findings = nestingDepth(createValidationContext(copy, '2026-01-15'));
    expect(
      findings.map(f => [f.service, f.project, f.file, f.line, f.column]),
    ).toEqual([
      // 64 parts below the service: `b`'s and `c`'s tables, the project's header; not web's
      // `d` table (62 parts below it)
      ['api', undefined, 'services/catalog.toml', 4, 1],
      ['api', undefined, 'services/catalog.toml', 5, 74],
      ['api', 'p', 'projects/p/services.toml', 3, 1],
      [undefined, undefined, 'policies/governance.toml', 2, 1],
    ]);
  });
});
