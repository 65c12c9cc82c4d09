import { findingFingerprints } from './findingFingerprints';

const monitoring = (where: string) => ({
  code: 'monitoring/threshold-looser-than-sla',
  path: 'projects/a/monitoring.toml',
  message: `metrics.availability_threshold 99.9 is below the availability of its SLA, 99.99% (sla.availability in ${where}).`,
});

describe('findingFingerprints', () => {
  it('keeps a fingerprint when a place its message names moves, not when it names another file', () => {
    const at57 = findingFingerprints()(
      monitoring('projects/a/services.toml:57'),
    );
    expect(
      findingFingerprints()(monitoring('projects/a/services.toml:61:3')),
    ).toBe(at57);
    expect(
      findingFingerprints()(monitoring('projects/b/services.toml:57')),
    ).not.toBe(at57);
  });

  it('keeps a fingerprint when the line or column its message names moves', () => {
    const syntax = (line: number) => ({
      code: 'toml/syntax',
      path: 'services/catalog.toml',
      message: `This table is already defined on line ${line}: merge the two, or remove one.`,
    });
    expect(findingFingerprints()(syntax(3))).toBe(
      findingFingerprints()(syntax(12)),
    );
  });

  it('numbers the same problem written twice, in the order asked', () => {
    const fingerprint = findingFingerprints();
    const first = fingerprint(monitoring('projects/a/services.toml:57'));
    const second = fingerprint(monitoring('projects/a/services.toml:57'));
    expect(second).not.toBe(first);
    expect(
      findingFingerprints()(monitoring('projects/a/services.toml:9')),
    ).toBe(first);
  });
});
