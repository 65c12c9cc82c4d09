import { catalog, codes, runRule } from '../__testUtils__/registryOf';
import { replacementService } from './replacementService';

describe('replacementService', () => {
  it('reports a missing, a deprecated and a retired replacement', () => {
    const findings = runRule(
      replacementService,
      catalog(
        '[service.a]',
        'replacement_service = "ghost"',
        '[service.b]',
        'replacement_service = "c"',
        '[service.c]',
        'status = "deprecated"',
        'replacement_service = "d"',
        '[service.d]',
        'status = "retired"',
      ),
    );
    expect(findings.map(f => [f.code, f.severity, f.service, f.line])).toEqual([
      ['lifecycle/replacement-missing', 'error', 'a', 2],
      ['lifecycle/replacement-deprecated', 'warning', 'b', 4],
      ['lifecycle/replacement-retired', 'error', 'c', 7],
    ]);
    // "d", the replacement of "c", is retired: never suggested
    expect(findings[1].message).toContain(
      'Point it at a service that is neither deprecated nor retired.',
    );
  });

  it('reports no replacement that a file which does not parse declares', () => {
    const findings = runRule(replacementService, {
      ...catalog(
        '[service.v1]',
        'status = "deprecated"',
        'replacement_service = "shop-v2"',
        '[service.old]',
        'status = "deprecated"',
        'replacement_service = "ghost"',
      ),
      'projects/shop/services.toml': '[service.shop-v2]\nport = = 1\n',
    });
    expect(findings.map(f => [f.code, f.service])).toEqual([
      ['lifecycle/replacement-missing', 'old'],
    ]);
  });

  it('suggests the first live service down a chain of replacements', () => {
    const findings = runRule(
      replacementService,
      catalog(
        '[service.v1]',
        'status = "deprecated"',
        'replacement_service = "v2"',
        '[service.v2]',
        'status = "retired"',
        'replacement_service = "v3"',
        '[service.v3]',
        'status = "deprecated"',
        'replacement_service = "v4"',
        '[service.v4]',
        'status = "ga"',
      ),
    );
    expect(findings.map(f => [f.code, f.service])).toEqual([
      ['lifecycle/replacement-retired', 'v1'],
      ['lifecycle/replacement-deprecated', 'v2'],
    ]);
    expect(findings[1].message).toContain(
      'Point it at "v4", the live end of v3 → v4.',
    );
    expect(findings[0].message).toContain(
      '(perhaps "v4", the live end of v2 → v3 → v4)',
    );
  });

  it('reports replacements that go round in a circle, with the path', () => {
    const findings = runRule(
      replacementService,
      catalog(
        '[service.a]',
        'status = "deprecated"',
        'replacement_service = "b"',
        '[service.b]',
        'status = "deprecated"',
        'replacement_service = "c"',
        '[service.c]',
        'status = "retired"',
        'replacement_service = "a"',
        '[service.d]',
        'status = "deprecated"',
        'replacement_service = "a"',
      ),
    );
    expect(findings.map(f => [f.code, f.severity, f.service, f.line])).toEqual([
      ['lifecycle/replacement-cycle', 'error', 'a', 3],
      ['lifecycle/replacement-cycle', 'error', 'b', 6],
      ['lifecycle/replacement-cycle', 'error', 'c', 9],
      ['lifecycle/replacement-deprecated', 'warning', 'd', 12],
    ]);
    expect(findings[0].message).toBe(
      'Service "a" names replacement_service "b", but the replacements go round in a circle (a → b → c → a) without reaching a live service: consumers have nowhere to migrate to. Point one of them at a service that is neither deprecated nor retired.',
    );
    expect(findings[3].message).toContain(
      'Point it at a service that is neither deprecated nor retired.',
    );
  });

  it('accepts a live replacement', () => {
    expect(
      codes(
        runRule(
          replacementService,
          catalog(
            '[service.a]',
            'replacement_service = "b"',
            '[service.b]',
            'status = "ga"',
          ),
        ),
      ),
    ).toEqual([]);
  });
});
