import {
  introducedFindings,
  RegistryFinding,
} from '@service-registry/plugin-service-registry-common';
import { introducedFirst } from './annotationOrder';

const finding = (
  severity: RegistryFinding['severity'],
  code: string,
  line: number,
  message: string,
): RegistryFinding => ({
  severity,
  code,
  message,
  file: 'projects/a/monitoring.toml',
  line,
  column: 1,
  service: 'a-api',
});

describe('introducedFirst', () => {
  it("puts the change's own findings first, and a finding the change only moved with those base had", () => {
    const threshold = (line: number, slaLine: number) =>
      finding(
        'warning',
        'monitoring/threshold-looser-than-sla',
        line,
        `metrics.availability_threshold 99.9 is below the availability of its SLA (sla.availability in projects/a/services.toml:${slaLine}).`,
      );
    const old = finding(
      'error',
      'schema/invalid-type',
      3,
      'port must be an integer.',
    );
    const brought = finding(
      'warning',
      'schema/unknown-field',
      2,
      'Unknown key "portt".',
    );
    const change = finding(
      'error',
      'breaking/port-changed',
      1,
      'Port changes.',
    );
    // lines were added above both the warning and the SLA it quotes
    const head = [old, threshold(9, 61), brought];
    expect(
      introducedFirst(head, introducedFindings([old, threshold(6, 57)], head), [
        change,
      ]),
    ).toEqual([change, brought, old, threshold(9, 61)]);
  });
});
