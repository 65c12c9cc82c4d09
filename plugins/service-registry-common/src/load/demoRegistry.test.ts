import path from 'node:path';
import { readTomlFiles } from '@service-registry/test-support';
import { daysBetween } from '../model/units';
import { getServiceForProject } from '../model/getServiceForProject';
import { validateRegistry } from '../validation/validateRegistry';
import { loadRegistry } from './buildRegistry';

const DEMO_ROOT = path.resolve(__dirname, '../../../../examples/registry');
const TODAY = '2026-11-22';

describe('the demo registry (examples/registry)', () => {
  const registry = loadRegistry(readTomlFiles(DEMO_ROOT));

  it('loads without syntax or schema errors', () => {
    expect(registry.failedFiles).toEqual([]);
    const problems = registry.findings.filter(
      f => f.code.startsWith('toml/') || f.code.startsWith('schema/'),
    );
    expect(problems).toEqual([]);
    expect(registry.findings.filter(f => f.severity === 'error')).toEqual([]);
  });

  it('has at least 3 projects and 25 services, with owners and tiers', () => {
    expect([...registry.projects.keys()]).toEqual([
      'project-a',
      'project-b',
      'project-c',
    ]);
    expect(registry.projects.get('project-a')!.name).toBe(
      'E-Commerce Platform',
    );
    expect(registry.services.size).toBeGreaterThanOrEqual(25);
    // The seed snippets declare old-api, new-api and project-a-frontend without an owner.
    const withoutOwner = [...registry.services.values()]
      .filter(s => !s.owner)
      .map(s => s.id);
    expect(withoutOwner.sort()).toEqual([
      'new-api',
      'old-api',
      'project-a-frontend',
    ]);
    expect(registry.services.get('project-a-checkout')!.effectiveTier).toBe(
      'critical',
    );
    expect(Object.keys(registry.policies.sla).sort()).toEqual([
      'critical',
      'high',
      'low',
      'medium',
    ]);
  });

  it('has every dependency declared, across projects too', () => {
    const missing: string[] = [];
    for (const service of registry.services.values()) {
      for (const dep of [
        ...service.dependencies.requires,
        ...service.dependencies.optional,
      ]) {
        if (!registry.services.has(dep.service)) {
          missing.push(`${service.id} -> ${dep.service}`);
        }
      }
    }
    expect(missing).toEqual([]);
    const shipping = registry.services.get('project-b-shipping')!;
    const onProjectA = shipping.dependencies.requires.find(
      d => d.service === 'project-a-api',
    );
    expect(onProjectA?.range).toBe('^3.0');
    expect(registry.services.get(onProjectA!.service)!.project).toBe(
      'project-a',
    );
  });

  it('shows deprecations on track, at risk and overdue, a retired service and a replacement chain', () => {
    const consumersOf = (id: string) =>
      [...registry.services.values()].filter(s =>
        s.dependencies.requires
          .concat(s.dependencies.optional)
          .some(d => d.service === id),
      );
    const daysLeft = (id: string) =>
      daysBetween(TODAY, registry.services.get(id)!.sunsetDate!);

    expect(daysLeft('legacy-search')).toBeGreaterThan(30);
    expect(consumersOf('legacy-search').length).toBeGreaterThan(0);
    expect(daysLeft('payments-gateway-v2')).toBeGreaterThanOrEqual(0);
    expect(daysLeft('payments-gateway-v2')).toBeLessThanOrEqual(30);
    expect(consumersOf('payments-gateway-v2').length).toBeGreaterThan(0);
    expect(daysLeft('old-api')).toBeLessThan(0);
    expect(consumersOf('old-api').length).toBeGreaterThan(0);

    expect(registry.services.get('payments-gateway-v1')!.status).toBe(
      'retired',
    );
    expect(consumersOf('payments-gateway-v1')).toEqual([]);
    const chain = ['payments-gateway-v1'];
    while (registry.services.get(chain[chain.length - 1])!.replacementService) {
      chain.push(
        registry.services.get(chain[chain.length - 1])!.replacementService!,
      );
    }
    expect(chain).toEqual([
      'payments-gateway-v1',
      'payments-gateway-v2',
      'payments-gateway-v3',
    ]);
  });

  it('demonstrates a project override of a global service', () => {
    const view = getServiceForProject(
      registry,
      'project-a',
      'notification-service',
    )!;
    expect(view.metadata).toEqual({ replicas: 4 });
    expect(view.owner).toBe('platform-team');
    expect(view.definedIn).toEqual([
      'services/catalog.toml',
      'projects/project-a/services.toml',
    ]);
  });

  it('has a [security] policy that validation applies, with real codes, and images from its allowed registry', () => {
    const security = registry.policies.securityPolicy;
    expect(security?.blockOn?.entries.map(e => e.value)).toEqual([
      'security/',
      'lifecycle/depends-on-retired',
    ]);
    expect(security?.allowedRegistries?.entries.map(e => e.value)).toEqual([
      'ghcr.io/example-org',
    ]);
    const images = [...registry.services.values()].filter(
      s => s.metadata.image !== undefined,
    );
    expect(images.length).toBeGreaterThan(0);
    const findings = validateRegistry(registry, { today: TODAY });
    // no entry of block_on is unknown, no image is from another registry, no warning is blocked
    expect(
      findings.filter(
        f =>
          f.file.startsWith('policies/') ||
          f.code.startsWith('security/') ||
          f.message.includes('block_on'),
      ),
    ).toEqual([]);
  });
});
