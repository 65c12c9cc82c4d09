import type { Log } from 'sarif';
import { aFinding as finding } from '../__testUtils__/finding';
import { formatFindingsSarif, SARIF_FINGERPRINT_KEY, sarifLog } from './sarif';

describe('sarifLog', () => {
  it('is a SARIF 2.1.0 log whose rules are the codes found, each result pointing at its rule', () => {
    // typed as the SARIF specification's log (@types/sarif): the compiler checks the shape
    const log: Log = sarifLog(
      [
        finding({ severity: 'error', code: 'dependency/missing-required' }),
        finding({ severity: 'warning' }),
        finding({ severity: 'info', code: 'dependency/missing-optional' }),
        finding({ severity: 'error', code: 'dependency/missing-required' }),
      ],
      { root: 'registry' },
    );
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run.tool.driver.rules!.map(rule => rule.id)).toEqual([
      'dependency/missing-optional',
      'dependency/missing-required',
      'lifecycle/sunset-passed',
    ]);
    expect(run.tool.driver.rules![1].name).toBe('DependencyMissingRequired');
    expect(
      run.results!.map(r => [
        r.level,
        run.tool.driver.rules![r.ruleIndex!].id === r.ruleId,
      ]),
    ).toEqual([
      ['error', true],
      ['warning', true],
      ['note', true],
      ['error', true],
    ]);
    expect(run.results![0].locations![0].physicalLocation).toEqual({
      artifactLocation: {
        uri: 'registry/services/catalog.toml',
        uriBaseId: '%SRCROOT%',
      },
      region: { startLine: 3, startColumn: 7 },
    });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('fingerprints a finding by its problem, not its line', () => {
    const at = (line: number) =>
      sarifLog([finding({ line })], { root: '' }).runs[0].results[0]
        .partialFingerprints[SARIF_FINGERPRINT_KEY];
    expect(at(3)).toMatch(/^[0-9a-f]{32}$/);
    expect(at(30)).toBe(at(3));
    const twice = sarifLog([finding({ line: 3 }), finding({ line: 9 })], {
      root: '',
    }).runs[0].results.map(r => r.partialFingerprints[SARIF_FINGERPRINT_KEY]);
    expect(new Set(twice).size).toBe(2);
  });

  it('writes paths as URIs, and never a credential a path holds', () => {
    const text = formatFindingsSarif(
      [
        finding({ file: 'projects/web shop/services.toml' }),
        finding({
          file: 'projects/https:__deploy:s3cret@git.example.com/services.toml',
        }),
      ],
      { root: '' },
    );
    expect(text).not.toContain('s3cret');
    const uris = (JSON.parse(text) as Log).runs[0].results!.map(
      r => r.locations![0].physicalLocation!.artifactLocation!.uri,
    );
    expect(uris).toEqual([
      'projects/web%20shop/services.toml',
      'projects/https%3A__deploy%3A(hidden)%40git.example.com/services.toml',
    ]);
  });
});
