import { RegistryFinding } from '../model/types';
import { createValidationContext } from '../validation/context';
import { registryOf } from '../validation/__testUtils__/registryOf';
import { slaBelowTier } from '../validation/rules/slaBelowTier';
import { evaluateSla } from './evaluateSla';
import { SlaCompliance } from './types';

const POLICIES = [
  '[sla.critical]',
  'availability = "99.99%"',
  'response_time_p99 = "100ms"',
  'support_hours = "24/7"',
  'rpo = "1m"',
  'break_handling = "graceful"',
  '[sla.high]',
  'availability = "99.9%"',
  'support_hours = "on call"',
].join('\n');

/** What a service's SLA gets from the validation rule, and from the SLA card (evaluateSla). */
interface Verdict {
  /** Keys reported weaker than the policy (`policy/sla-below-tier`; targets `weaker`). */
  weaker: string[];
  /** Keys the policy sets and the service lacks (`policy/sla-missing`; targets `missing`). */
  missing: string[];
}

/** The key of a `policy/sla-below-tier` finding (`Service "x": availability 99.9% declared, ...`). */
const belowKey = (f: RegistryFinding) =>
  /^Service "[^"]+": (\S+) /.exec(f.message)![1];

/** The keys of a `policy/sla-missing` finding (`... declares no rpo, support_hours: the ...`). */
const missingKeys = (f: RegistryFinding) =>
  /declares no (.+?): the /.exec(f.message)![1].split(', ');

function verdicts(sla: string, tier = 'critical') {
  const registry = registryOf({
    'policies/sla.toml': POLICIES,
    'services/catalog.toml': [
      '[service.svc]',
      `tier = "${tier}"`,
      '[service.svc.sla]',
      sla,
    ].join('\n'),
  });
  const findings = slaBelowTier(
    createValidationContext(registry, '2026-01-15'),
  );
  const rule: Verdict = {
    weaker: findings
      .filter(f => f.code === 'policy/sla-below-tier')
      .map(belowKey)
      .sort(),
    missing: findings
      .filter(f => f.code === 'policy/sla-missing')
      .flatMap(missingKeys)
      .sort(),
  };
  const evaluation = evaluateSla(
    registry.services.get('svc')!,
    registry.policies,
  );
  const card: Verdict = {
    weaker: evaluation.targets
      .filter(t => t.status === 'weaker')
      .map(t => t.key)
      .sort(),
    missing: evaluation.targets
      .filter(t => t.status === 'missing')
      .map(t => t.key)
      .sort(),
  };
  return { rule, card, compliance: evaluation.compliance };
}

const MEETS_NUMBERS = [
  'availability = "99.99%"',
  'response_time_p99 = "100ms"',
  'rpo = "1m"',
].join('\n');

describe('the policy/sla-below-tier rule and evaluateSla (the SLA card) agree', () => {
  const cases: Array<{
    name: string;
    sla: string;
    tier?: string;
    expected: Verdict;
    compliance: SlaCompliance;
  }> = [
    {
      name: 'every target met',
      sla: `${MEETS_NUMBERS}\nsupport_hours = "24x7"\nbreak_handling = "graceful"`,
      expected: { weaker: [], missing: [] },
      compliance: 'compliant',
    },
    {
      name: 'numbers weaker than the policy',
      sla: 'availability = "99.9%"\nresponse_time_p99 = "1.5s"\nrpo = "1m"\nsupport_hours = "24/7"',
      expected: { weaker: ['availability', 'response_time_p99'], missing: [] },
      compliance: 'non-compliant',
    },
    {
      name: 'support hours lower on the scale',
      sla: `${MEETS_NUMBERS}\nsupport_hours = "business"`,
      expected: { weaker: ['support_hours'], missing: [] },
      compliance: 'non-compliant',
    },
    {
      name: 'declared support hours outside the scale (not compared)',
      sla: `${MEETS_NUMBERS}\nsupport_hours = "Mon-Fri 8-20"`,
      expected: { weaker: [], missing: [] },
      compliance: 'compliant',
    },
    {
      name: "the policy's support hours outside the scale (not compared)",
      tier: 'high',
      sla: 'availability = "99.9%"\nsupport_hours = "24/7"',
      expected: { weaker: [], missing: [] },
      compliance: 'compliant',
    },
    {
      name: 'support hours outside the scale, written like the policy',
      tier: 'high',
      sla: 'availability = "99.9%"\nsupport_hours = "On  Call"',
      expected: { weaker: [], missing: [] },
      compliance: 'compliant',
    },
    {
      name: 'break handling other than the policy (never a violation)',
      sla: `${MEETS_NUMBERS}\nsupport_hours = "24/7"\nbreak_handling = "fail-fast"`,
      expected: { weaker: [], missing: [] },
      compliance: 'compliant',
    },
    {
      name: 'break handling the policy writes, not declared (not required)',
      sla: `${MEETS_NUMBERS}\nsupport_hours = "24/7"`,
      expected: { weaker: [], missing: [] },
      compliance: 'compliant',
    },
    {
      name: 'targets not declared',
      sla: 'availability = "99.99%"\nresponse_time_p99 = "100ms"',
      expected: { weaker: [], missing: ['rpo', 'support_hours'] },
      compliance: 'incomplete',
    },
    {
      name: 'weaker and missing together',
      sla: 'availability = "99%"\nsupport_hours = "best-effort"',
      expected: {
        weaker: ['availability', 'support_hours'],
        missing: ['response_time_p99', 'rpo'],
      },
      compliance: 'non-compliant',
    },
  ];

  it.each(cases)('$name', ({ sla, tier, expected, compliance }) => {
    const result = verdicts(sla, tier);
    expect(result.rule).toEqual(expected);
    expect(result.card).toEqual(expected);
    expect(result.compliance).toBe(compliance);
  });
});
