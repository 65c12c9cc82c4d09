import { parseAllDocuments } from 'yaml';
import { registryOf } from '../validation/__testUtils__/registryOf';
import { loadDemoRegistry } from './__testUtils__/demoRegistry';
import { openSloName, toOpenSlo } from './openSlo';
import { sloDocumentsToYaml } from './yaml';

const REGISTRY = {
  'policies/sla.toml': [
    '[sla.high]',
    'availability = "99.9%"',
    'response_time_p99 = "200ms"',
  ].join('\n'),
  'services/catalog.toml': [
    '[service.search]',
    'name = "Search: full text"',
    'owner = "@search-team"',
    'tier = "high"',
    '[service.search.sla]',
    'availability = "99.95%"',
    'response_time_p95 = "80ms"',
    'response_time_p99 = "1.5s"',
    'error_rate = "0.1%"',
    '[service.quiet]',
    'tier = "high"',
    '[service.gone]',
    'status = "retired"',
    'sla = { availability = "99%" }',
  ].join('\n'),
};

describe('toOpenSlo', () => {
  const registry = registryOf(REGISTRY);

  it('writes availability, latency and error-rate SLOs with ratio targets and ms thresholds', () => {
    const docs = toOpenSlo(registry);
    expect(docs.map(d => d.metadata.name)).toEqual([
      'search-availability',
      'search-latency',
      'search-error-rate',
    ]);
    const [availability, latency, errors] = docs;
    expect(availability).toEqual({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'search-availability',
        displayName: 'Search: full text availability',
        labels: { tier: 'high', owner: 'search-team' },
      },
      spec: {
        description:
          '99.95% of requests to search succeed over a rolling 30-day window (21.6 min of downtime per 30 days). Targets from the service registry ([service.search.sla], services/catalog.toml:5).',
        service: 'search',
        indicator: {
          metadata: {
            name: 'search-availability',
            displayName: 'Search: full text availability',
          },
          spec: {
            ratioMetric: {
              counter: true,
              good: {
                metricSource: {
                  type: 'Prometheus',
                  spec: {
                    query:
                      'TODO: successful requests of search (e.g. responses that are not 5xx)',
                  },
                },
              },
              total: {
                metricSource: {
                  type: 'Prometheus',
                  spec: { query: 'TODO: all requests of search' },
                },
              },
            },
          },
        },
        timeWindow: [{ duration: '30d', isRolling: true }],
        budgetingMethod: 'Occurrences',
        objectives: [{ displayName: 'Availability 99.95%', target: 0.9995 }],
      },
    });
    expect(latency.spec.indicator.spec.thresholdMetric).toBeDefined();
    expect(latency.spec.objectives).toEqual([
      {
        displayName: 'p95 response time at most 80ms',
        op: 'lte',
        value: 80,
        target: 0.95,
      },
      {
        displayName: 'p99 response time at most 1.5s',
        op: 'lte',
        value: 1500,
        target: 0.99,
      },
    ]);
    expect(errors.spec.objectives).toEqual([
      { displayName: 'Error rate at most 0.1%', target: 0.999 },
    ]);
  });

  it('selects one service, fills from the tier policy on request, and skips retired services', () => {
    expect(toOpenSlo(registry, { service: 'quiet' })).toEqual([]);
    expect(toOpenSlo(registry, { service: 'gone' })).toEqual([]);
    expect(toOpenSlo(registry, { service: 'nope' })).toEqual([]);
    const filled = toOpenSlo(registry, {
      service: 'quiet',
      fillFromTierPolicy: true,
      metricSourceType: 'Datadog',
      timeWindow: '28d',
    });
    expect(filled.map(d => d.metadata.name)).toEqual([
      'quiet-availability',
      'quiet-latency',
    ]);
    expect(filled[0].spec.objectives[0].target).toBe(0.999);
    expect(filled[0].spec.timeWindow).toEqual([
      { duration: '28d', isRolling: true },
    ]);
    expect(filled[0].spec.description).toContain(
      'completed by the high tier SLA policy',
    );
    expect(
      filled[1].spec.indicator.spec.thresholdMetric?.metricSource.type,
    ).toBe('Datadog');
  });

  it('keeps names DNS-1123 labels of at most 63 characters, distinct when cut', () => {
    const long = 'a'.repeat(60);
    const one = openSloName(long, 'availability');
    const other = openSloName(`${'a'.repeat(59)}b`, 'availability');
    expect(one).toHaveLength(63);
    expect(one).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(one.endsWith('-availability')).toBe(true);
    expect(one).not.toBe(other);
    expect(openSloName('Pay_Ments--', 'error rate')).toBe(
      'pay-ments-error-rate',
    );
  });

  it('is deterministic on the demo registry', () => {
    const demo = loadDemoRegistry();
    const docs = toOpenSlo(demo);
    expect(sloDocumentsToYaml(toOpenSlo(loadDemoRegistry()))).toBe(
      sloDocumentsToYaml(docs),
    );
    expect(
      docs
        .filter(d => d.spec.service === 'payments-gateway-v3')
        .map(d => d.metadata.name),
    ).toEqual([
      'payments-gateway-v3-availability',
      'payments-gateway-v3-latency',
    ]);
    // payments-gateway-v1 is retired
    expect(docs.some(d => d.spec.service === 'payments-gateway-v1')).toBe(
      false,
    );
  });
});

describe('sloDocumentsToYaml', () => {
  it('writes a multi-document stream that YAML parsers read back to the same documents', () => {
    const docs = [
      ...toOpenSlo(registryOf(REGISTRY)),
      ...toOpenSlo(loadDemoRegistry()),
    ];
    const text = sloDocumentsToYaml(docs);
    const parsed = parseAllDocuments(text);
    expect(parsed.every(d => d.errors.length === 0)).toBe(true);
    expect(parsed.map(d => d.toJS())).toEqual(docs);
    expect(text.startsWith('---\napiVersion: openslo/v1\nkind: SLO\n')).toBe(
      true,
    );
    expect(text).toContain(
      [
        '  timeWindow:',
        '    - duration: 30d',
        '      isRolling: true',
        '  budgetingMethod: Occurrences',
        '  objectives:',
        '    - displayName: Availability 99.95%',
        '      target: 0.9995',
      ].join('\n'),
    );
    expect(text).toContain('    displayName: "Search: full text availability"');
    expect(sloDocumentsToYaml([])).toBe('');
    const sparse = {
      ...docs[0],
      metadata: { ...docs[0].metadata, labels: undefined },
    };
    expect(sloDocumentsToYaml([sparse])).not.toContain('labels');
  });
});
