import fs from 'node:fs';
import path from 'node:path';
import { RegistryFileInput } from '../model/types';
import { loadRegistry } from './buildRegistry';

/** Reads every file below a fixture folder as registry inputs (fs is fine in tests). */
function readFixture(dir: string): RegistryFileInput[] {
  const files: RegistryFileInput[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), {
      withFileTypes: true,
    })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else
        files.push({
          path: child,
          text: fs.readFileSync(path.join(dir, child), 'utf8'),
        });
    }
  };
  walk('');
  return files;
}

const seeds = readFixture(path.resolve(__dirname, '../__fixtures__/seeds'));

describe('the seed snippets of the design documents', () => {
  const registry = loadRegistry(seeds);

  it('all parse, with no syntax or schema errors', () => {
    expect(registry.failedFiles).toEqual([]);
    expect(registry.files).toEqual([
      'policies/governance.toml',
      'projects/project-a/deployment.toml',
      'projects/project-a/monitoring.toml',
      'projects/project-a/services.toml',
      'services/catalog.toml',
    ]);
    // The monitoring snippet watches project-a-api, which no snippet declares.
    expect(registry.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'registry/unknown-service',
        service: 'project-a-api',
        file: 'projects/project-a/monitoring.toml',
        line: 4,
      }),
    ]);
  });

  it('loads the global catalog snippet (shared-auth)', () => {
    const auth = registry.services.get('shared-auth')!;
    expect(auth).toMatchObject({
      name: 'shared-auth',
      type: 'microservice',
      owner: 'platform-team',
      version: '1.2.3',
      compatVersionMin: '1.0.0',
      deprecationDate: '2026-06-30',
      project: undefined,
      consumers: {
        projects: ['project-a', 'project-b', 'project-c'],
        requiredBy: ['api-gateway'],
      },
      governance: {
        approvers: ['@platform-team', '@security-team'],
        changeLog: 'link-to-changelog',
        breakChangesNotice: 30,
      },
      source: { file: 'services/catalog.toml', line: 2, column: 1 },
    });
    expect(auth.positions['governance.break_changes_notice']).toEqual({
      file: 'services/catalog.toml',
      line: 17,
      column: 1,
    });
    expect(auth.positions.consumers.line).toBe(9);
  });

  it('loads the lifecycle snippet (old-api, new-api)', () => {
    expect(registry.services.get('old-api')).toMatchObject({
      status: 'deprecated',
      deprecationDate: '2025-11-20',
      sunsetDate: '2026-05-20',
      replacementService: 'new-api',
      migration: {
        guideUrl: 'https://wiki.example.com/old-api-migration',
        supportUntil: '2026-05-20',
        migrationDifficulty: 'easy',
        estimatedEffortHours: 2,
      },
      source: { line: 20 },
    });
    expect(registry.services.get('new-api')).toMatchObject({
      status: 'ga',
      version: '2.0.0',
      compatWith: [],
      sla: {
        availability: 99.9,
        responseTimeP99Ms: 100,
        breakHandling: 'graceful',
      },
    });
  });

  it('loads the project snippet ([project-specific.project-a])', () => {
    expect(registry.projects.get('project-a')).toMatchObject({
      id: 'project-a',
      name: 'E-Commerce Platform',
      environment: 'production',
      tier: 'critical',
      services: ['project-a-frontend'],
      source: {
        file: 'projects/project-a/services.toml',
        line: 2,
        column: 1,
      },
    });
    const frontend = registry.services.get('project-a-frontend')!;
    expect(frontend).toMatchObject({
      type: 'web',
      description: 'E-commerce UI',
      version: '2.1.0',
      project: 'project-a',
      effectiveTier: 'critical',
    });
    expect(frontend.dependencies.requires.map(d => d.service)).toEqual([
      'project-a-api',
      'shared-auth',
    ]);
    expect(frontend.dependencies.optional).toEqual([
      expect.objectContaining({
        service: 'analytics-service',
        optional: true,
        position: {
          file: 'projects/project-a/services.toml',
          line: 13,
          column: 13,
        },
      }),
    ]);
  });

  it('keeps the monitoring and deployment snippets', () => {
    const project = registry.projects.get('project-a')!;
    expect(project.monitoring?.settings).toEqual({ level: 'critical' });
    const monitored = project.monitoring?.raw.service as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    expect(monitored['project-a-api'].metrics.response_time_p99).toBe('200ms');
    expect(monitored['project-a-api'].alerts.escalation).toEqual({
      time_to_escalate: '5m',
      escalate_to: ['@on-call'],
      page_if: 'critical',
    });
    const deployment = project.deployment?.raw.deployment as Record<
      string,
      Record<string, unknown>
    >;
    expect(deployment['multi-region'].strategy).toBe('active-active');
    expect(
      (deployment.region['ap-southeast'] as Record<string, unknown>)
        .traffic_split,
    ).toBe('20%');
  });

  it('loads the governance policy snippet with multi-line inline tables', () => {
    const { policies } = registry;
    expect(policies.changeControl).toMatchObject({
      breakingChangesRequire: ['@platform-team', '@security-team'],
      versionBumpsRequire: ['@maintainer'],
      configChangesRequire: ['@ops-team'],
    });
    expect(policies.sla.critical).toMatchObject({
      availability: 99.99,
      responseTimeP99Ms: 100,
      supportHours: '24/7',
      rtoMs: 300_000,
      rpoMs: 60_000,
      source: { file: 'policies/governance.toml', line: 11, column: 1 },
    });
    expect(policies.sla.high?.availability).toBe(99.9);
    expect(policies.compliance).toEqual({
      pci_dss_applicable: true,
      hipaa_applicable: false,
      gdpr_applicable: true,
      encryption: {
        in_transit: 'required',
        at_rest: 'required',
        algorithm: 'AES-256',
      },
      audit: { enabled: true, retention_days: 365, log_all_access: true },
    });
    expect(policies.positions['compliance.encryption.in_transit']).toEqual({
      file: 'policies/governance.toml',
      line: 32,
      column: 1,
    });
    expect(policies.positions['compliance.encryption.algorithm'].line).toBe(34);
  });

  it('loads the same with CRLF line endings and a BOM', () => {
    const crlf = loadRegistry(
      seeds.map(f => ({
        path: f.path,
        text: `\ufeff${f.text.replace(/\n/g, '\r\n')}`,
      })),
    );
    expect(crlf.findings.map(f => f.code)).toEqual([
      'registry/unknown-service',
    ]);
    expect(crlf.services.get('shared-auth')!.source.line).toBe(2);
    expect(crlf.policies.compliance).toEqual(registry.policies.compliance);
  });
});
