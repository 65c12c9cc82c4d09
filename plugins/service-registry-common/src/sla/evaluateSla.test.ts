import { registryOf } from '../validation/__testUtils__/registryOf';
import { evaluateSla } from './evaluateSla';
import { compareSupportHours } from './supportHours';

const POLICIES = [
  '[sla.critical]',
  'availability = "99.99%"',
  'response_time_p99 = "100ms"',
  'support_hours = "24/7"',
  'rto = "5m"',
  'rpo = "1m"',
  'break_handling = "graceful"',
  '[sla.medium]',
  'availability = "99.5%"',
  'support_hours = "business"',
].join('\n');

function evaluate(catalog: string, id: string) {
  const registry = registryOf({
    'policies/sla.toml': POLICIES,
    'services/catalog.toml': catalog,
  });
  return evaluateSla(registry.services.get(id)!, registry.policies);
}

describe('evaluateSla', () => {
  it('puts each declared target next to the critical policy, with the gaps', () => {
    const result = evaluate(
      [
        '[service.pay]',
        'name = "Payments"',
        'owner = "@payments-team"',
        'tier = "critical"',
        '[service.pay.sla]',
        'availability = "99.9%"',
        'response_time_p50 = "20ms"',
        'response_time_p99 = "1.5s"',
        'support_hours = "business"',
        'rto = "5m"',
        'break_handling = "graceful"',
      ].join('\n'),
      'pay',
    );
    expect(result).toMatchObject({
      service: 'pay',
      name: 'Payments',
      project: null,
      owner: '@payments-team',
      tier: 'critical',
      tierSource: 'service',
      hasPolicy: true,
      declaresSla: true,
      compliance: 'non-compliant',
      source: { file: 'services/catalog.toml', line: 5 },
    });
    expect(
      result.targets.map(t => [
        t.key,
        t.status,
        t.declaredText,
        t.requiredText,
      ]),
    ).toEqual([
      ['availability', 'weaker', '99.9%', '99.99%'],
      ['response_time_p50', 'no-policy', '20ms', undefined],
      ['response_time_p95', 'no-policy', undefined, undefined],
      ['response_time_p99', 'weaker', '1.5s', '100ms'],
      ['error_rate', 'no-policy', undefined, undefined],
      ['rto', 'meets', '5m', '5m'],
      ['rpo', 'missing', undefined, '1m'],
      ['support_hours', 'weaker', 'business', '24/7'],
      ['break_handling', 'meets', 'graceful', 'graceful'],
    ]);
    expect(result.targets[3]).toMatchObject({
      declared: 1500,
      required: 100,
      unit: 'ms',
      label: 'Response time p99',
    });
    expect(result.gaps).toEqual([
      'availability 99.9% declared, critical tier requires 99.99%',
      'response_time_p99 1.5s declared, critical tier requires 100ms',
      'no rpo declared, critical tier requires 1m',
      'support_hours "business" declared, critical tier requires "24/7"',
    ]);
    expect(result.allowedDowntime).toMatchObject({ minutes: 43.2 });
    expect(result.policyAllowedDowntime).toMatchObject({ seconds: 259.2 });
  });

  it('says incomplete when nothing is weaker but targets are missing, compliant when all are met', () => {
    const catalog = [
      '[service.mail]',
      'tier = "medium"',
      'sla = { availability = 99.9 }',
      '[service.web]',
      'tier = "medium"',
      'sla = { availability = "99.5%", support_hours = "24/7" }',
      '[service.broken]',
      'tier = "medium"',
      'sla = { availability = "lots", support_hours = "business" }',
    ].join('\n');
    const mail = evaluate(catalog, 'mail');
    expect(mail.compliance).toBe('incomplete');
    expect(mail.targets[0]).toMatchObject({
      status: 'meets',
      declaredText: '99.9%',
    });
    expect(mail.gaps).toEqual([
      'no support_hours declared, medium tier requires "business"',
    ]);
    expect(evaluate(catalog, 'web')).toMatchObject({
      compliance: 'compliant',
      gaps: [],
    });
    expect(evaluate(catalog, 'broken').gaps).toEqual([
      'availability "lots" is not a valid value, medium tier requires 99.5%',
    ]);
  });

  it('quotes an invalid value as written with escapes, never a raw control or bidirectional character', () => {
    const catalog = [
      '[service.broken]',
      'tier = "medium"',
      'sla = { availability = "lots\\u202e", support_hours = "business" }',
    ].join('\n');
    expect(evaluate(catalog, 'broken').gaps).toEqual([
      'availability "lots\\u202e" is not a valid value, medium tier requires 99.5%',
    ]);
  });

  it('says whether the tier is declared by the service or inherited from its project', () => {
    const registry = registryOf({
      'policies/sla.toml': POLICIES,
      'projects/shop/services.toml': [
        '[project]',
        'id = "shop"',
        'tier = "critical"',
        '[service.cart]',
        'owner = "shop-team"',
        '[service.search]',
        'owner = "shop-team"',
        'tier = "medium"',
      ].join('\n'),
    });
    const cart = evaluateSla(registry.services.get('cart')!, registry.policies);
    expect(cart).toMatchObject({ tier: 'critical', tierSource: 'project' });
    expect(
      evaluateSla(registry.services.get('search')!, registry.policies),
    ).toMatchObject({ tier: 'medium', tierSource: 'service' });
  });

  it('reports no-policy for services without a tier or a tier without policy', () => {
    const catalog = [
      '[service.free]',
      'sla = { availability = "99%" }',
      '[service.low]',
      'tier = "low"',
    ].join('\n');
    const free = evaluate(catalog, 'free');
    expect(free).toMatchObject({
      compliance: 'no-policy',
      hasPolicy: false,
      gaps: [],
      allowedDowntime: { text: '7 h 12 min' },
    });
    expect(free.policyAllowedDowntime).toBeUndefined();
    expect(free.targets.every(t => t.status === 'no-policy')).toBe(true);
    expect(evaluate(catalog, 'low')).toMatchObject({
      compliance: 'no-policy',
      declaresSla: false,
      tier: 'low',
    });
  });
});

describe('compareSupportHours', () => {
  it('orders 24/7, business and best-effort, and compares other text as is', () => {
    expect(compareSupportHours('24/7', '24/7')).toBe('meets');
    expect(compareSupportHours('business', '24/7')).toBe('weaker');
    expect(compareSupportHours('24/7', 'business')).toBe('meets');
    expect(compareSupportHours('best-effort', 'business')).toBe('weaker');
    expect(compareSupportHours('Business Hours', 'business')).toBe('meets');
    expect(compareSupportHours('Mon-Fri 8-20', 'mon-fri 8-20')).toBe('meets');
    expect(compareSupportHours('Mon-Fri 8-20', 'business')).toBe('unknown');
  });
});

describe('compareSupportHours on the scale', () => {
  it('orders best-effort < business < extended < 24/7 and reads the usual spellings', () => {
    expect(compareSupportHours('best-effort', 'business')).toBe('weaker');
    expect(compareSupportHours('business', 'extended')).toBe('weaker');
    expect(compareSupportHours('extended', 'business')).toBe('meets');
    expect(compareSupportHours('extended hours', '24x7')).toBe('weaker');
    expect(compareSupportHours('24x7', '24/7')).toBe('meets');
    expect(compareSupportHours('24/7/365', '24 x 7')).toBe('meets');
    expect(compareSupportHours('24X7', 'extended')).toBe('meets');
    expect(compareSupportHours('Best Effort', 'best-effort')).toBe('meets');
    expect(compareSupportHours('Business_Hours', 'business')).toBe('meets');
  });

  it('cannot compare values outside the scale, on either side', () => {
    expect(compareSupportHours('Mon-Fri 8-20', '24/7')).toBe('unknown');
    expect(compareSupportHours('24/7', 'whenever')).toBe('unknown');
  });
});
