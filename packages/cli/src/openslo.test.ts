import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin, buildCli } from './__testUtils__/buildCli';

jest.setTimeout(60_000);

/** Runs the built CLI as a subprocess, like the registry's CI does. */
function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FILES: Record<string, string> = {
  'policies/sla.toml': `[sla.critical]
availability = "99.99%"
response_time_p99 = "100ms"
`,
  'services/catalog.toml': `[service.payments]
name = "Payments"
owner = "@payments-team"
tier = "critical"
[service.payments.sla]
availability = "99.99%"
response_time_p95 = "60ms"
response_time_p99 = "100ms"

[service.search]
owner = "search-team"
sla = { availability = "99.5%", error_rate = "0.5%" }

[service.batch]
owner = "data-team"

[service.mail]
owner = "platform-team"
tier = "critical"
`,
};

let root: string;
let dir: string;
beforeAll(() => {
  buildCli();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-openslo-'));
  dir = path.join(root, 'registry');
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('service-registry openslo', () => {
  it('prints one YAML document per SLO of the declared service levels', () => {
    const { code, stdout, stderr } = cli(['openslo', '.'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.match(/^---$/gm)).toHaveLength(4);
    expect([...stdout.matchAll(/^ {2}name: (.+)$/gm)].map(m => m[1])).toEqual([
      'payments-availability',
      'payments-latency',
      'search-availability',
      'search-error-rate',
    ]);
    expect(stdout).toContain(
      [
        '---',
        'apiVersion: openslo/v1',
        'kind: SLO',
        'metadata:',
        '  name: payments-availability',
        '  displayName: Payments availability',
        '  labels:',
        '    tier: critical',
        '    owner: payments-team',
        'spec:',
        '  description: "99.99% of requests to payments succeed over a rolling 30-day window (4.3 min of downtime per 30 days). Targets from the service registry ([service.payments.sla], services/catalog.toml:5)."',
        '  service: payments',
      ].join('\n'),
    );
    expect(stdout).toContain(
      [
        '  objectives:',
        '    - displayName: p95 response time at most 60ms',
        '      op: lte',
        '      value: 60',
        '      target: 0.95',
        '    - displayName: p99 response time at most 100ms',
        '      op: lte',
        '      value: 100',
        '      target: 0.99',
      ].join('\n'),
    );
    expect(stdout).toContain(
      [
        '    - displayName: Error rate at most 0.5%',
        '      target: 0.995',
      ].join('\n'),
    );
  });

  it('prints a JSON array for one service with --format json --service', () => {
    const { code, stdout } = cli(
      ['openslo', dir, '--format', 'json', '--service', 'search'],
      root,
    );
    expect(code).toBe(0);
    const docs = JSON.parse(stdout);
    expect(docs.map((d: any) => d.metadata.name)).toEqual([
      'search-availability',
      'search-error-rate',
    ]);
    expect(docs[0]).toMatchObject({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      spec: {
        service: 'search',
        budgetingMethod: 'Occurrences',
        timeWindow: [{ duration: '30d', isRolling: true }],
        objectives: [{ displayName: 'Availability 99.5%', target: 0.995 }],
        indicator: {
          metadata: { name: 'search-availability' },
          spec: {
            ratioMetric: {
              counter: true,
              total: {
                metricSource: {
                  type: 'Prometheus',
                  spec: { query: 'TODO: all requests of search' },
                },
              },
            },
          },
        },
      },
    });
  });

  it('fails when the chosen service declares no service level, and on usage problems', () => {
    const batch = cli(['openslo', '.', '--service', 'batch'], dir);
    expect(batch.code).toBe(1);
    expect(batch.stdout).toBe('');
    expect(batch.stderr).toContain(
      'no SLO written: batch declares no availability, response time or error rate: add them under [service.batch.sla]',
    );
    expect(cli(['openslo', '.', '--service', 'mail'], dir).code).toBe(1);
    // mail declares nothing, but its critical tier's policy does.
    const filled = cli(
      [
        'openslo',
        '.',
        '--service',
        'mail',
        '--fill-from-policy',
        '--format',
        'json',
      ],
      dir,
    );
    expect(filled.code).toBe(0);
    expect(
      JSON.parse(filled.stdout).map((d: any) => [
        d.metadata.name,
        d.spec.objectives,
      ]),
    ).toEqual([
      [
        'mail-availability',
        [{ displayName: 'Availability 99.99%', target: 0.9999 }],
      ],
      [
        'mail-latency',
        [
          {
            displayName: 'p99 response time at most 100ms',
            op: 'lte',
            value: 100,
            target: 0.99,
          },
        ],
      ],
    ]);
    expect(cli(['openslo', '.', '--service', 'nope'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no service nope in .'),
    });
    expect(cli(['openslo', '.', '--format', 'xml'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format must be one of yaml, json'),
    });
    expect(cli(['openslo', 'no-such-dir'], root).code).toBe(2);
    expect(cli(['--help'], root).stdout).toContain(
      'openslo [dir]               print OpenSLO v1 SLO documents',
    );
  });
});
