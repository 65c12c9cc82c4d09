import { RegistryFinding } from '../model/types';
import { loadRegistry } from './buildRegistry';

const FILE = 'projects/p/deployment.toml';

function loadDeployment(...lines: string[]) {
  return loadRegistry([
    { path: 'projects/p/services.toml', text: '[project]\n' },
    { path: FILE, text: lines.join('\n') },
  ]);
}

const where = (findings: RegistryFinding[]) =>
  findings.map(f => [f.code, f.severity, f.line, f.column]);

/** The multi-region snippet of the roadmap (001), as written. */
const SEED = [
  '[deployment.multi-region]',
  'regions = ["us-east", "eu-west", "ap-southeast"]',
  'strategy = "active-active"',
  '',
  '[deployment.region.us-east]',
  'cluster = "k8s-us-east-prod"',
  'canary_percentage = 5',
  'traffic_split = "50%"',
  '',
  '[deployment.region.eu-west]',
  'cluster = "k8s-eu-west-prod"',
  'canary_percentage = 5',
  'traffic_split = "30%"',
  '',
  '[deployment.region.ap-southeast]',
  'cluster = "k8s-ap-southeast-prod"',
  'canary_percentage = 5',
  'traffic_split = "20%"',
];

describe('checkDeployment', () => {
  it('loads the seed multi-region snippet without findings', () => {
    expect(loadDeployment(...SEED).findings).toEqual([]);
  });

  it('warns about a listed region without a table, at the element, and a table not listed, at its header', () => {
    const registry = loadDeployment(
      '[deployment.multi-region]', // 1
      'regions = ["us-east", "eu-west"]',
      '[deployment.region.us-east]',
      'cluster = "a"',
      '[deployment.region.ap-south]', // 5
      'cluster = "b"',
    );
    expect(where(registry.findings)).toEqual([
      ['deployment/unknown-region', 'warning', 2, 23],
      ['deployment/unknown-region', 'warning', 5, 1],
    ]);
    expect(registry.findings.every(f => f.file === FILE)).toBe(true);
    expect(registry.findings.every(f => f.project === 'p')).toBe(true);
    expect(registry.findings[0].message).toBe(
      `${FILE}: region "eu-west" is listed in [deployment.multi-region] regions but has no [deployment.region.eu-west] table. Add the table (its cluster, traffic_split, canary_percentage), or remove "eu-west" from regions.`,
    );
    expect(registry.findings[1].message).toBe(
      `${FILE}: [deployment.region.ap-south] is not listed in [deployment.multi-region] regions (us-east, eu-west). Add "ap-south" to regions, remove the table, or check the spelling.`,
    );
  });

  it('reports traffic splits and canary percentages that are not percentages, at the key', () => {
    const registry = loadDeployment(
      '[deployment.multi-region]', // 1
      'regions = ["a", "b"]',
      '[deployment.region.a]',
      'traffic_split = "half"',
      'canary_percentage = 150', // 5
      '[deployment.region.b]',
      'traffic_split = true',
      'canary_percentage = "5%"',
    );
    expect(where(registry.findings)).toEqual([
      ['schema/invalid-type', 'error', 4, 1],
      ['schema/invalid-type', 'error', 5, 1],
      ['schema/invalid-type', 'error', 7, 1],
    ]);
    expect(registry.findings[0].message).toBe(
      `${FILE}: deployment.region.a.traffic_split must be a percentage between 0 and 100, such as "99.9%" or 99.9, got "half".`,
    );
    expect(registry.findings[1].message).toContain(
      'deployment.region.a.canary_percentage must be a percentage between 0 and 100',
    );
  });

  it('reports traffic splits of every listed region that do not add up to 100%, at regions, naming the total', () => {
    const registry = loadDeployment(
      '[deployment.multi-region]', // 1
      'regions = ["us-east", "eu-west"]',
      '[deployment.region.us-east]',
      'traffic_split = "50%"',
      '[deployment.region.eu-west]', // 5
      'traffic_split = 30',
    );
    expect(where(registry.findings)).toEqual([
      ['deployment/traffic-split-total', 'error', 2, 1],
    ]);
    expect(registry.findings[0].message).toBe(
      `${FILE}: the traffic_split of the regions adds up to 80%, not 100% (us-east 50%, eu-west 30%). Change the traffic_split values of [deployment.region.<name>] so that they add up to 100%.`,
    );
  });

  it('adds up the splits of the region tables when no regions list is written, at the first split', () => {
    const registry = loadDeployment(
      '[deployment.region.a]',
      'traffic_split = "60%"',
      '[deployment.region.b]',
      'traffic_split = "60%"',
    );
    expect(where(registry.findings)).toEqual([
      ['deployment/traffic-split-total', 'error', 2, 1],
    ]);
    expect(registry.findings[0].message).toContain('adds up to 120%');
  });

  it('does not add up the splits while a listed region has none, or an invalid one', () => {
    expect(
      loadDeployment(
        '[deployment.multi-region]',
        'regions = ["a", "b", "c"]',
        '[deployment.region.a]',
        'traffic_split = "50%"',
        '[deployment.region.b]',
        'traffic_split = "20%"',
        '[deployment.region.c]',
        'cluster = "k8s-c"',
      ).findings,
    ).toEqual([]);
    expect(
      where(
        loadDeployment(
          '[deployment.region.a]',
          'traffic_split = "50%"',
          '[deployment.region.b]',
          'traffic_split = "lots"',
        ).findings,
      ),
    ).toEqual([['schema/invalid-type', 'error', 4, 1]]);
  });

  it('accepts splits that add up to 100% with decimals', () => {
    expect(
      loadDeployment(
        'deployment.multi-region.regions = ["a", "b", "c"]',
        'deployment.region.a.traffic_split = 33.3',
        'deployment.region.b.traffic_split = "33.3%"',
        'deployment.region.c.traffic_split = 33.4',
      ).findings,
    ).toEqual([]);
  });

  it('reports a regions list that is not an array of names', () => {
    const registry = loadDeployment(
      '[deployment.multi-region]',
      'regions = "us-east"',
    );
    expect(where(registry.findings)).toEqual([
      ['schema/invalid-type', 'error', 2, 1],
    ]);
  });
});
