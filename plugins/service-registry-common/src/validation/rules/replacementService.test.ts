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
    expect(findings[1].message).toContain('Point it at "d"');
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
