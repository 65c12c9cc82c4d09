import fs from 'node:fs';
import path from 'node:path';
import { parseTomlFile } from '@service-registry/plugin-service-registry-common';
import { addServiceTable, renderServiceBlock } from './addServiceTable';
import { RegistryEditError } from './editSupport';

const catalog = fs.readFileSync(
  path.resolve(
    __dirname,
    '../../../../examples/registry/services/catalog.toml',
  ),
  'utf8',
);

const service = {
  name: 'Orders API',
  type: 'api',
  owner: 'ecommerce-team',
  version: '0.1.0',
  status: 'development',
  port: 8090,
  tags: ['orders'],
  dependencies: { requires: ['shared-auth@^1.0'], optional: [] },
  sla: { availability: '99.9%', response_time_p99: '200ms' },
};

describe('addServiceTable', () => {
  it('appends the service after the file, every old byte unchanged', () => {
    const result = addServiceTable(catalog, 'orders-api', service, {
      file: 'services/catalog.toml',
    });
    expect(result.startsWith(catalog)).toBe(true);
    const block = result.slice(catalog.length);
    expect(block).toBe(`\n${renderServiceBlock('orders-api', service)}`);
    expect(block).toMatchInlineSnapshot(`
"
[service.orders-api]
name = "Orders API"
type = "api"
owner = "ecommerce-team"
version = "0.1.0"
status = "development"
port = 8090
tags = ["orders"]

[service.orders-api.dependencies]
requires = ["shared-auth@^1.0"]
optional = []

[service.orders-api.sla]
availability = "99.9%"
response_time_p99 = "200ms"
"
`);
    const parsed = parseTomlFile('x.toml', result);
    expect(
      parsed.ok && (parsed.file.table.service as any)['orders-api'].port,
    ).toBe(8090);
  });

  it('keeps CRLF line endings, a BOM and a missing final line break', () => {
    const text = '\ufeff# global\r\n[service.a]\r\nname = "a"';
    const result = addServiceTable(text, 'b', { name: 'b' });
    expect(result).toBe(
      '\ufeff# global\r\n[service.a]\r\nname = "a"\r\n\r\n[service.b]\r\nname = "b"',
    );
  });

  it('writes into an empty file', () => {
    expect(addServiceTable('', 'a', { port: 1 })).toBe(
      '[service.a]\nport = 1\n',
    );
  });

  it('escapes strings so that no value or key breaks out of its place', () => {
    const result = addServiceTable('', 'a', {
      description: 'evil"\n[service.x]\nport = 1 # \u0000',
      metadata: { 'weird key"]': 'v' },
    });
    const parsed = parseTomlFile('x.toml', result);
    expect(parsed.ok).toBe(true);
    const table = parsed.ok ? (parsed.file.table.service as any) : {};
    expect(Object.keys(table)).toEqual(['a']);
    expect(table.a.description).toBe('evil"\n[service.x]\nport = 1 # \u0000');
    expect(table.a.metadata['weird key"]']).toBe('v');
  });

  it.each([
    ['a"]\n[x', 'is not a valid service id'],
    ['Upper', 'is not a valid service id'],
    ['', 'is not a valid service id'],
    ['a'.repeat(64), 'is not a valid service id'],
  ])('rejects the id %j', (id, message) => {
    expect(() => addServiceTable(catalog, id, { name: 'x' })).toThrow(message);
  });

  it('rejects an id the file already declares', () => {
    expect(() =>
      addServiceTable(catalog, 'shared-auth', { name: 'x' }),
    ).toThrow(/already declares service "shared-auth"/);
  });

  it('rejects values TOML cannot hold and files that do not parse', () => {
    expect(() => addServiceTable('', 'a', { port: NaN })).toThrow(
      RegistryEditError,
    );
    expect(() => addServiceTable('', 'a', { x: null as any })).toThrow(
      /no value/,
    );
    expect(() => addServiceTable('[service.a\n', 'b', {})).toThrow(
      /does not parse/,
    );
    expect(() => addServiceTable('service = 1\n', 'b', {})).toThrow(
      RegistryEditError,
    );
  });

  it('says how to fix a file that writes its services as one inline table, rather than that it does not parse', () => {
    expect(() =>
      addServiceTable('service = { a = { name = "a" } }\n', 'b', { name: 'b' }),
    ).toThrow(
      'services.toml writes its services as one inline table (`service = { ... }`), to which no [service.b] table can be added: write each service as a [service.<id>] table, or add "b" inside the inline table by hand.',
    );
    // dotted keys leave room for tables
    expect(addServiceTable('service.a.name = "a"\n', 'b', { name: 'b' })).toBe(
      'service.a.name = "a"\n\n[service.b]\nname = "b"\n',
    );
  });
});
