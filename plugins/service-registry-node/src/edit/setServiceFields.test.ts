import fs from 'node:fs';
import path from 'node:path';
import {
  loadRegistry,
  parseTomlFile,
} from '@service-registry/plugin-service-registry-common';
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
    // the multi-line list keeps its layout: only the removed entries' lines go
    expect(result).toBe(
      projectA
        .replace('  "project-a-catalog",\n', '')
        .replace(
          '  { service = "payments-gateway-v3", version = "^3.0.0" },\n',
          '',
        ),
    );

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
        'tags = [',
        '  "z",',
        ']',
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

/** The dependency lists of a service as the registry loads them from a catalog file. */
function dependenciesOf(text: string, id: string) {
  const registry = loadRegistry([{ path: 'services/catalog.toml', text }]);
  expect(registry.failedFiles).toEqual([]);
  const service = registry.services.get(id);
  if (!service) throw new Error(`the registry has no service ${id}`);
  const list = (refs: { service: string; range?: string }[]) =>
    refs.map(r =>
      r.range === undefined ? r.service : `${r.service}@${r.range}`,
    );
  return {
    requires: list(service.dependencies.requires),
    optional: list(service.dependencies.optional),
  };
}

describe('setServiceFields on dependency lists', () => {
  const multiLine = [
    '[service.api]',
    'version = "1.0.0"',
    '',
    '[service.api.dependencies]',
    'requires = [',
    '    "shared-auth@^1.0", # login',
    '    { service = "orders-db", version = ">=2.0.0" },',
    '    # events go through the bus',
    "    'events',",
    '    "search" # no range yet',
    ']',
    'optional = ["cache", "mailer"]',
    '',
    '[service.api.sla]',
    'availability = "99.9%"',
    '',
  ].join('\n');

  it('keeps the entries that stay as written, drops a removed line with its comment and adds a line like the others', () => {
    const result = setServiceFields(multiLine, 'api', {
      dependencies: {
        requires: [
          'shared-auth@^1.0',
          'orders-db@>=2.0.0',
          'search',
          'billing@^3',
        ],
      },
    });
    expect(result).toBe(
      multiLine.replace(
        '    # events go through the bus\n    \'events\',\n    "search" # no range yet\n]',
        '    # events go through the bus\n    "search", # no range yet\n    "billing@^3"\n]',
      ),
    );
    expect(dependenciesOf(result, 'api')).toEqual({
      requires: [
        'shared-auth@^1.0',
        'orders-db@>=2.0.0',
        'search',
        'billing@^3',
      ],
      optional: ['cache', 'mailer'],
    });
  });

  it('writes a new entry as an inline table among inline tables, with a trailing comma where the list has one', () => {
    const text = [
      '[service.api.dependencies]',
      'requires = [',
      "  {service = 'shared-auth', version = '^1.0'}, # login",
      '  {service = "orders-db"},',
      ']',
      '',
    ].join('\n');
    const result = setServiceFields(text, 'api', {
      dependencies: {
        requires: ['shared-auth@^1.0', 'orders-db', 'billing@^3'],
      },
    });
    expect(result).toBe(
      text.replace(
        '  {service = "orders-db"},\n',
        '  {service = "orders-db"},\n  {service = "billing", version = "^3"},\n',
      ),
    );
    expect(dependenciesOf(result, 'api').requires).toEqual([
      'shared-auth@^1.0',
      'orders-db',
      'billing@^3',
    ]);
  });

  it('edits a one-line list inline, and writes a list left empty as []', () => {
    const text =
      '[service.api]\ndependencies.requires = [ { service = "a", version = "^1" }, "b", "c@~2" ] # core\ndependencies.optional = ["d"]\n';
    const result = setServiceFields(text, 'api', {
      dependencies: { requires: ['a@^1', 'c@~2', 'e@^4'], optional: [] },
    });
    expect(result).toBe(
      '[service.api]\ndependencies.requires = [ { service = "a", version = "^1" }, "c@~2", "e@^4" ] # core\ndependencies.optional = []\n',
    );
    expect(dependenciesOf(result, 'api')).toEqual({
      requires: ['a@^1', 'c@~2', 'e@^4'],
      optional: [],
    });

    const last = setServiceFields(text, 'api', {
      dependencies: { requires: ['a@^1', 'b'] },
    });
    expect(last).toBe(text.replace(', "c@~2" ]', ' ]'));
  });

  it('rewrites an entry whose range changes where it is, in its own form, with its comment', () => {
    const result = setServiceFields(multiLine, 'api', {
      dependencies: {
        requires: ['shared-auth@^2.0', 'orders-db@^3', 'events', 'search@^1'],
      },
    });
    expect(result).toBe(
      multiLine
        .replace('"shared-auth@^1.0", # login', '"shared-auth@^2.0", # login')
        .replace(
          '{ service = "orders-db", version = ">=2.0.0" },',
          '{ service = "orders-db", version = "^3" },',
        )
        .replace('"search" # no range yet', '"search@^1" # no range yet'),
    );
  });

  it('moves an entry from requires to optional in the style of each list', () => {
    const text = [
      '[service.api.dependencies]',
      'requires = [',
      '  { service = "a", version = "^1" },',
      '  { service = "b", version = "^2" }, # to be optional',
      ']',
      'optional = [',
      '  { service = "c" },',
      ']',
      '',
    ].join('\n');
    const result = setServiceFields(text, 'api', {
      dependencies: { requires: ['a@^1'], optional: ['c', 'b@^2'] },
    });
    expect(result).toBe(
      [
        '[service.api.dependencies]',
        'requires = [',
        '  { service = "a", version = "^1" },',
        ']',
        'optional = [',
        '  { service = "c" },',
        '  { service = "b", version = "^2" },',
        ']',
        '',
      ].join('\n'),
    );
    expect(dependenciesOf(result, 'api')).toEqual({
      requires: ['a@^1'],
      optional: ['c', 'b@^2'],
    });
  });

  it('removes the last entry of a list without a trailing comma, and the comma before it', () => {
    const text =
      '[service.api.dependencies]\nrequires = [\n  "a",\n  "b", # bee\n  "c"\n]\n';
    expect(
      setServiceFields(text, 'api', { dependencies: { requires: ['a', 'b'] } }),
    ).toBe(
      '[service.api.dependencies]\nrequires = [\n  "a",\n  "b" # bee\n]\n',
    );
    expect(
      setServiceFields(text, 'api', { dependencies: { requires: ['b'] } }),
    ).toBe('[service.api.dependencies]\nrequires = [\n  "b" # bee\n]\n');
  });

  it('keeps CRLF line endings and the BOM', () => {
    const text =
      '\ufeff[service.api.dependencies]\r\nrequires = [\r\n  "a", # x\r\n  "b",\r\n]\r\n';
    const result = setServiceFields(text, 'api', {
      dependencies: { requires: ['b', 'c@^1'] },
    });
    expect(result).toBe(
      '\ufeff[service.api.dependencies]\r\nrequires = [\r\n  "b",\r\n  "c@^1",\r\n]\r\n',
    );
    expect(dependenciesOf(result, 'api').requires).toEqual(['b', 'c@^1']);
  });

  it('fills an empty list, written on one line or on several', () => {
    expect(
      setServiceFields('[service.api.dependencies]\nrequires = []\n', 'api', {
        dependencies: { requires: ['a'] },
      }),
    ).toBe('[service.api.dependencies]\nrequires = ["a"]\n');
    expect(
      setServiceFields(
        '[service.api.dependencies]\nrequires = [\n  # none yet\n]\n',
        'api',
        { dependencies: { requires: ['a', 'b@^1'] } },
      ),
    ).toBe(
      '[service.api.dependencies]\nrequires = [\n  # none yet\n  "a",\n  "b@^1",\n]\n',
    );
  });

  it('keeps entries the registry reports as invalid when they stay in the list', () => {
    const text =
      '[service.api.dependencies]\nrequires = [\n  "Not_An_Id",\n  "a",\n]\n';
    const result = setServiceFields(text, 'api', {
      dependencies: { requires: ['Not_An_Id', 'b'] },
    });
    expect(result).toBe(
      '[service.api.dependencies]\nrequires = [\n  "Not_An_Id",\n  "b",\n]\n',
    );
  });
});

describe('setServiceFields on services written as inline tables', () => {
  it('changes only the value that changes, and adds a key inside the inline table', () => {
    const text = [
      '[service]',
      'api = { version = \'1.0.0\', port = 0x1F90, ratio = 1e3, tier = "low" } # legacy',
      'b = { version = "1.0.0" }',
      '',
    ].join('\n');
    const result = setServiceFields(text, 'api', {
      version: '1.1.0',
      status: 'ga',
    });
    expect(result).toBe(
      text.replace(
        'api = { version = \'1.0.0\', port = 0x1F90, ratio = 1e3, tier = "low" } # legacy',
        'api = { version = "1.1.0", port = 0x1F90, ratio = 1e3, tier = "low", status = "ga" } # legacy',
      ),
    );
  });

  it('follows dotted keys and nested inline tables, and edits their dependency lists entry by entry', () => {
    const text = [
      'service.api = { version = "1.0.0", sla.availability = "99%", dependencies = { requires = [{ service = "a", version = "^1" }, "b"] } }',
      '',
    ].join('\n');
    const result = setServiceFields(text, 'api', {
      sla: { rto: '1h', availability: '99.9%' },
      dependencies: { requires: ['a@^1', 'c@^2'] },
      migration: { guide_url: 'https://x/y' },
    });
    expect(result).toBe(
      'service.api = { version = "1.0.0", sla.availability = "99.9%", dependencies = { requires = [{ service = "a", version = "^1" }, { service = "c", version = "^2" }] }, sla.rto = "1h", migration.guide_url = "https://x/y" }\n',
    );
    expect(dependenciesOf(result, 'api').requires).toEqual(['a@^1', 'c@^2']);
  });

  it('adds a key on a line of its own to an inline table written one key per line', () => {
    const text = [
      'service = { api = {',
      '  version = "1.0.0",',
      '  port = 0o17620,',
      '} }',
      '',
    ].join('\n');
    const result = setServiceFields(text, 'api', { tier: 'high', port: 8081 });
    expect(result).toBe(
      [
        'service = { api = {',
        '  version = "1.0.0",',
        '  port = 8081,',
        '  tier = "high",',
        '} }',
        '',
      ].join('\n'),
    );
  });
});

describe('setServiceFields on TOML 1.1 inline tables (several lines, comments, trailing commas)', () => {
  const text = [
    '[service.api]',
    'version = "1.0.0"',
    'sla = {',
    '  availability = "99.9%",',
    '  # a comment inside the inline table',
    '  response_time_p99 = "200ms",',
    '}',
    'port = 8080',
    'dependencies = { requires = [',
    '  "auth@^1.0",',
    '], }',
    '',
  ].join('\n');

  it('changes a value in place, and adds a key on a line of its own before the closing brace', () => {
    expect(
      changedLines(
        text,
        setServiceFields(text, 'api', { sla: { availability: '99.95%' } }),
      ),
    ).toEqual({
      removed: ['  availability = "99.9%",'],
      added: ['  availability = "99.95%",'],
    });
    expect(
      changedLines(text, setServiceFields(text, 'api', { sla: { rto: '5m' } })),
    ).toEqual({ removed: [], added: ['  rto = "5m",'] });
  });

  it('adds a dependency entry like its neighbour, and a new list inside the inline table', () => {
    const requires = setServiceFields(text, 'api', {
      dependencies: { requires: ['auth@^1.0', 'db'] },
    });
    expect(changedLines(text, requires)).toEqual({
      removed: [],
      added: ['  "db",'],
    });
    const optional = setServiceFields(text, 'api', {
      dependencies: { optional: ['cache'] },
    });
    expect(changedLines(text, optional)).toEqual({
      removed: ['], }'],
      added: ['], optional = ["cache"], }'],
    });
    const loaded = loadRegistry([
      { path: 'services/catalog.toml', text: optional },
    ]);
    expect(loaded.findings).toEqual([]);
    expect(
      loaded.services.get('api')!.dependencies.optional.map(d => d.service),
    ).toEqual(['cache']);
  });
});

describe('setServiceFields on a file without a final line break', () => {
  it('adds keys and tables at the end without adding a line break after them', () => {
    expect(setServiceFields('[service.a]\nname = "a"', 'a', { port: 80 })).toBe(
      '[service.a]\nname = "a"\nport = 80',
    );
    expect(
      setServiceFields('[service.a]\r\nname = "a" # kept', 'a', {
        sla: { rto: '1h' },
      }),
    ).toBe(
      '[service.a]\r\nname = "a" # kept\r\n\r\n[service.a.sla]\r\nrto = "1h"',
    );
    expect(setServiceFields('[service.a]', 'a', { port: 80 })).toBe(
      '[service.a]\nport = 80',
    );
    expect(
      setServiceFields('service.a.version = "1.0.0"', 'a', { port: 80 }),
    ).toBe('service.a.version = "1.0.0"\nservice.a.port = 80');
  });

  it('keeps the last line as it is when the edit is elsewhere', () => {
    const text = '[service.a]\nname = "a"\n\n[service.b]\nname = "b"';
    expect(setServiceFields(text, 'a', { port: 80 })).toBe(
      '[service.a]\nname = "a"\nport = 80\n\n[service.b]\nname = "b"',
    );
  });
});

describe('setServiceFields on tags, approvers and other lists', () => {
  const text = [
    '[service.api]',
    'tags = [',
    "  'payments', # the team's main tag",
    '  "pci",',
    '  # legacy tags below',
    '  "v1",',
    ']',
    '',
    '[service.api.governance]',
    'approvers = [',
    '  "@alice", # lead',
    '  "@bob",   # backup',
    ']',
    'break_changes_notice = 30',
    '',
  ].join('\n');

  it('edits tags entry by entry, keeping comments, quotes and the multi-line layout', () => {
    const result = setServiceFields(text, 'api', {
      tags: ['payments', 'v1', 'pci-dss'],
    });
    expect(result).toBe(
      text.replace(
        '  "pci",\n  # legacy tags below\n  "v1",\n]',
        '  # legacy tags below\n  "v1",\n  "pci-dss",\n]',
      ),
    );
    const registry = loadRegistry([
      { path: 'services/catalog.toml', text: result },
    ]);
    expect(registry.failedFiles).toEqual([]);
    expect(registry.services.get('api')?.tags).toEqual([
      'payments',
      'v1',
      'pci-dss',
    ]);
  });

  it('edits governance.approvers entry by entry, keeping the comments of those that stay', () => {
    const result = setServiceFields(text, 'api', {
      governance: { approvers: ['@carol', '@alice'] },
    });
    expect(result).toBe(
      text.replace(
        '  "@alice", # lead\n  "@bob",   # backup\n',
        '  "@carol",\n  "@alice", # lead\n',
      ),
    );
    expect(serviceOf(result, 'api').governance.approvers).toEqual([
      '@carol',
      '@alice',
    ]);
  });

  it('writes a new tag in the quotes of its neighbours, escaping what they cannot hold', () => {
    const literal = "[service.api]\ntags = ['a', 'b']\n";
    expect(setServiceFields(literal, 'api', { tags: ['a', 'b', 'c'] })).toBe(
      "[service.api]\ntags = ['a', 'b', 'c']\n",
    );
    const result = setServiceFields(literal, 'api', {
      tags: ['a', 'it\'s "x"\\'],
    });
    expect(result).toBe('[service.api]\ntags = [\'a\', "it\'s \\"x\\"\\\\"]\n');
    expect(serviceOf(result, 'api').tags).toEqual(['a', 'it\'s "x"\\']);
  });
});
