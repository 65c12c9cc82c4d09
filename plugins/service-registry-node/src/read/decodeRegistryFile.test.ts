import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { decodeRegistryFile } from './decodeRegistryFile';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Latin-1 bytes, as an editor saving in Windows-1252 writes them. */
const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('decodeRegistryFile', () => {
  it('decodes UTF-8, keeping a BOM and unicode text', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8('name = "Órdenes ✓ 🚀"\n'),
    ]);
    expect(decodeRegistryFile('services/catalog.toml', bytes)).toEqual({
      path: 'services/catalog.toml',
      text: '\ufeffname = "Órdenes ✓ 🚀"\n',
    });
  });

  it('says where the first byte that is not UTF-8 is', () => {
    const text = '[project]\nname = "Gestión de pagos"\n';
    const file = decodeRegistryFile(
      'projects/pagos/services.toml',
      latin1(text),
    );
    // "Gesti" is 5 characters after the 8 of `name = "`
    expect(file.notUtf8).toEqual({ line: 2, column: 14, byte: 0xf3 });
    expect(file.text).toBe('[project]\nname = "Gesti\ufffdn de pagos"\n');
  });

  it('does not count a BOM as a column of the first line', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8('x = "caf'),
      0xe9,
      ...utf8('"\n'),
    ]);
    // the same column as without the BOM, and as the loader's positions in the rest of the file
    expect(decodeRegistryFile('x.toml', bytes).notUtf8).toEqual({
      line: 1,
      column: 9,
      byte: 0xe9,
    });
    expect(decodeRegistryFile('x.toml', bytes.subarray(3)).notUtf8).toEqual({
      line: 1,
      column: 9,
      byte: 0xe9,
    });
  });

  it('counts columns in UTF-16 units of the valid text before the byte, and finds bad sequences', () => {
    // "é" (2 bytes) and "🚀" (4 bytes: 2 UTF-16 units) before a lone continuation byte
    const bytes = new Uint8Array([...utf8('a = "é🚀'), 0x80, ...utf8('"\n')]);
    expect(decodeRegistryFile('x.toml', bytes).notUtf8).toEqual({
      line: 1,
      column: 9,
      byte: 0x80,
    });
    // an overlong encoding of "/" and a truncated sequence at the end
    expect(
      decodeRegistryFile('x.toml', new Uint8Array([0x61, 0xc0, 0xaf])).notUtf8,
    ).toEqual({ line: 1, column: 2, byte: 0xc0 });
    expect(
      decodeRegistryFile('x.toml', new Uint8Array([0x0a, 0x61, 0xe2, 0x82]))
        .notUtf8,
    ).toEqual({ line: 2, column: 2, byte: 0xe2 });
    // a UTF-16 surrogate written in UTF-8 (CESU) is not UTF-8 either
    expect(
      decodeRegistryFile('x.toml', new Uint8Array([0xed, 0xa0, 0x80])).notUtf8,
    ).toEqual({ line: 1, column: 1, byte: 0xed });
  });

  it('makes the loader report the file at that line and column and ignore it, the others loading', () => {
    const registry = loadRegistry([
      decodeRegistryFile(
        'services/catalog.toml',
        utf8('[service.auth]\nversion = "1.0.0"\n'),
      ),
      decodeRegistryFile(
        'projects/pagos/services.toml',
        latin1('[project]\nname = "Gestión de pagos"\n\n[service.cobros]\n'),
      ),
    ]);
    expect(registry.failedFiles).toEqual(['projects/pagos/services.toml']);
    expect([...registry.services.keys()]).toEqual(['auth']);
    expect(registry.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'toml/syntax',
        file: 'projects/pagos/services.toml',
        project: 'pagos',
        line: 2,
        column: 14,
        message: expect.stringContaining(
          'is not valid TOML: it is not UTF-8 text (the byte 0xF3 here is not valid UTF-8',
        ),
      }),
    ]);
  });

  it('tells a UTF-16 file (a PowerShell redirection) by its byte order mark', () => {
    const text = '[service.auth]\r\nversion = "1.0.0"\r\n';
    for (const bytes of [
      Buffer.from(`\ufeff${text}`, 'utf16le'),
      Buffer.from(`\ufeff${text}`, 'utf16le').swap16(),
    ]) {
      const registry = loadRegistry([
        decodeRegistryFile('services/catalog.toml', bytes),
      ]);
      expect(registry.findings).toEqual([
        expect.objectContaining({
          code: 'toml/syntax',
          line: 1,
          column: 1,
          message:
            'services/catalog.toml is not valid TOML: it is UTF-16 text, not UTF-8 (it starts with a UTF-16 byte order mark; TOML files must be UTF-8, and Windows PowerShell 5 writes UTF-16 with > and Out-File). Save the file as UTF-8; the file is ignored until then.',
        }),
      ]);
    }
  });
});
