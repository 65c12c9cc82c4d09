import fs from 'node:fs';
import path from 'node:path';
import { parseTomlFile } from '@service-registry/plugin-service-registry-common';
import { setServiceFields } from './setServiceFields';

const catalog = fs.readFileSync(
  path.resolve(
    __dirname,
    '../../../../examples/registry/services/catalog.toml',
  ),
  'utf8',
);
const projectA = fs.readFileSync(
  path.resolve(
    __dirname,
    '../../../../examples/registry/projects/project-a/services.toml',
  ),
  'utf8',
);

function serviceOf(text: string, id: string): any {
  const parsed = parseTomlFile('x.toml', text);
  if (!parsed.ok) throw new Error(parsed.finding.message);
  return (parsed.file.table.service as any)[id];
}

/** The lines that differ, as [line number, before, after]; lines only added are `undefined` before. */
function changedLines(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA + 1), added: b.slice(start, endB + 1) };
}

describe('setServiceFields', () => {
  it('replaces a value in place and keeps the trailing comment', () => {
    const result = setServiceFields(catalog, 'shared-auth', {
      version: '2.0.0',
      governance: { break_changes_notice: 60 },
    });
    expect(result).toContain('break_changes_notice = 60 # días de aviso');
    expect(
      result.replace('"2.0.0"', '"1.2.3"').replace('= 60 #', '= 30 #'),
    ).toBe(catalog);
  });

  it('adds a missing key after the last key of its table', () => {
    const result = setServiceFields(catalog, 'shared-auth', {
      status: 'deprecated',
      sunset_date: '2027-06-30',
      replacement_service: 'new-api',
    });
    expect(changedLines(catalog, result)).toEqual({
      removed: [],
      added: [
        'status = "deprecated"',
        'sunset_date = "2027-06-30"',
        'replacement_service = "new-api"',
      ],
    });
    // inserted right after deprecation_date, the last key of [service.shared-auth]
    expect(result).toContain(
      'deprecation_date = "2026-06-30"\nstatus = "deprecated"\nsunset_date = "2027-06-30"\nreplacement_service = "new-api"\n[service.shared-auth.consumers]',
    );
  });

  it('adds keys to an existing sub-table and starts new sub-tables after the service', () => {
    const result = setServiceFields(catalog, 'legacy-search', {
      migration: { estimated_effort_hours: 20, guide_url: 'https://x/y' },
      governance: { approvers: ['@search-team'] },
    });
    expect(changedLines(catalog, result).removed).toEqual([
      'guide_url = "https://wiki.example.com/legacy-search-migration"',
      'support_until = 2027-03-01',
      'migration_difficulty = "moderate"',
      'estimated_effort_hours = 16',
    ]);
    const service = serviceOf(result, 'legacy-search');
    expect(service.migration.estimated_effort_hours).toBe(20);
    expect(service.migration.guide_url).toBe('https://x/y');
    expect(service.migration.migration_difficulty).toBe('moderate');
    expect(service.governance).toEqual({ approvers: ['@search-team'] });
    expect(result).toContain(
      'estimated_effort_hours = 20\n\n[service.legacy-search.governance]\napprovers = ["@search-team"]\n\n# Replacement chain',
    );
  });

  it('edits dotted keys and multi-line arrays', () => {
    const result = setServiceFields(projectA, 'project-a-api', {
      dependencies: { requires: ['shared-auth@^1.0', 'project-a-db'] },
    });
    expect(serviceOf(result, 'project-a-api').dependencies).toEqual({
      requires: ['shared-auth@^1.0', 'project-a-db'],
      optional: ['notification-service', 'project-a-cart'],
    });
    expect(changedLines(projectA, result).added).toEqual([
      'requires = ["shared-auth@^1.0", "project-a-db"]',
    ]);

    const dotted = setServiceFields(projectA, 'project-a-catalog', {
      dependencies: { requires: ['project-a-db', 'shared-auth'] },
      owner: 'data-team',
    });
    expect(changedLines(projectA, dotted)).toEqual({
      removed: [
        'owner = "ecommerce-team"',
        'version = "2.2.0"',
        'status = "ga"',
        'tier = "high"',
        'port = 8082',
        'dependencies.requires = ["project-a-db"]',
      ],
      added: [
        'owner = "data-team"',
        'version = "2.2.0"',
        'status = "ga"',
        'tier = "high"',
        'port = 8082',
        'dependencies.requires = ["project-a-db", "shared-auth"]',
      ],
    });
  });

  it('rewrites an inline table that holds the field', () => {
    const result = setServiceFields(projectA, 'project-a-api', {
      metadata: { env: { LOG_LEVEL: 'debug' } },
    });
    expect(changedLines(projectA, result)).toEqual({
      removed: [
        'env = { LOG_LEVEL = "info", FEATURE_FLAGS_URL = "http://shared-config:8500" }',
      ],
      added: [
        'env = { LOG_LEVEL = "debug", FEATURE_FLAGS_URL = "http://shared-config:8500" }',
      ],
    });
  });

  it('keeps TOML dates as dates and CRLF line endings', () => {
    const text = '[service.a]\r\nsunset_date = 2027-01-01\r\nname = "a"\r\n';
    const result = setServiceFields(text, 'a', { port: 80, name: 'b' });
    expect(result).toBe(
      '[service.a]\r\nsunset_date = 2027-01-01\r\nname = "b"\r\nport = 80\r\n',
    );
  });

  it('refuses services the file does not declare and unsafe values', () => {
    expect(() => setServiceFields(catalog, 'nope', { port: 1 })).toThrow(
      /does not declare service "nope"/,
    );
    expect(() => setServiceFields(catalog, 'a"]\n[x', { port: 1 })).toThrow(
      /not a valid service id/,
    );
    expect(() =>
      setServiceFields(catalog, 'new-api', { sla: 'x' as any }),
    ).toThrow(/it is a table; set the fields inside it/);
    expect(() =>
      setServiceFields(catalog, 'new-api', { port: Infinity }),
    ).toThrow(/finite/);
    expect(() =>
      setServiceFields(catalog, 'new-api', { name: { x: 1 } }),
    ).toThrow(/is not a table/);
  });
});

describe('setServiceFields on unusual layouts', () => {
  it('replaces multi-line values and leaves arrays of tables and quoted keys alone', () => {
    const text = [
      '[service.a]',
      'description = """',
      'two',
      'lines"""',
      '"quoted key" = 1 # kept',
      'tags = [',
      '  "x", # first',
      '  "y",',
      ']',
      '[[service.a.release]]',
      'version = "1.0.0"',
      '[service.b]',
      'name = "b"',
      '',
    ].join('\n');
    const result = setServiceFields(text, 'a', {
      description: 'one line',
      tags: ['z'],
      port: 8080,
    });
    expect(result).toBe(
      [
        '[service.a]',
        'description = "one line"',
        '"quoted key" = 1 # kept',
        'tags = ["z"]',
        'port = 8080',
        '[[service.a.release]]',
        'version = "1.0.0"',
        '[service.b]',
        'name = "b"',
        '',
      ].join('\n'),
    );
  });

  it('starts a sub-table after an array of tables of the service', () => {
    const text =
      '[service.a]\nname = "a"\n[[service.a.release]]\nversion = "1.0.0"\n';
    const result = setServiceFields(text, 'a', {
      sla: { availability: '99.9%' },
    });
    expect(result).toBe(`${text}\n[service.a.sla]\navailability = "99.9%"\n`);
    expect(serviceOf(result, 'a').release).toEqual([{ version: '1.0.0' }]);
  });

  it('creates the [service.<id>] table when only sub-tables declare the service', () => {
    const text = '[service.a.sla]\navailability = "99%"\n';
    const result = setServiceFields(text, 'a', { status: 'ga' });
    expect(serviceOf(result, 'a')).toEqual({
      sla: { availability: '99%' },
      status: 'ga',
    });
    expect(result.startsWith(text)).toBe(true);
  });

  it('adds keys to a service written with dotted keys, as dotted keys after its last one', () => {
    const text = [
      '# services',
      'service.a.version = "1.0.0"',
      'service.a.status = "ga" # kept',
      'other = 1',
      '',
      '[service.b]',
      'version = "1.0.0"',
      '',
    ].join('\n');
    const result = setServiceFields(text, 'a', {
      status: 'deprecated',
      sunset_date: '2027-01-01',
      migration: { support_until: '2027-01-01' },
    });
    expect(result).toBe(
      [
        '# services',
        'service.a.version = "1.0.0"',
        'service.a.status = "deprecated" # kept',
        'service.a.sunset_date = "2027-01-01"',
        'service.a.migration.support_until = "2027-01-01"',
        'other = 1',
        '',
        '[service.b]',
        'version = "1.0.0"',
        '',
      ].join('\n'),
    );

    const underService =
      '[service]\n  a.version = "1.0.0"\n  a.status = "ga"\n  b = { version = "1.0.0" }\n';
    expect(setServiceFields(underService, 'a', { port: 80 })).toBe(
      '[service]\n  a.version = "1.0.0"\n  a.status = "ga"\n  a.port = 80\n  b = { version = "1.0.0" }\n',
    );
  });

  it('adds a plain key to a dotted-key service that also has sub-tables', () => {
    const text =
      'service.a.version = "1.0.0"\n\n[service.a.sla]\navailability = "99%"\n';
    const result = setServiceFields(text, 'a', { status: 'ga' });
    expect(result).toBe(
      'service.a.version = "1.0.0"\nservice.a.status = "ga"\n\n[service.a.sla]\navailability = "99%"\n',
    );
  });
});
