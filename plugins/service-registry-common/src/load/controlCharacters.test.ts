import { getServiceForProject } from '../model/getServiceForProject';
import { loadRegistry } from './buildRegistry';
import { LoadRegistryOptions } from './LoadRegistryOptions';
import {
  hasControlCharacter,
  withoutControlCharacters,
} from './controlCharacters';

function load(files: Record<string, string>, options?: LoadRegistryOptions) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    options,
  );
}

// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** The bidirectional embeddings, overrides and isolates, and the line and paragraph separators. */
const ANY_FORMATTING = /[\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('control characters in free text', () => {
  it('tells control characters from allowed whitespace', () => {
    expect(hasControlCharacter('a\tb\nc\r\n')).toBe(false);
    expect(hasControlCharacter('plain é ü – ✓')).toBe(false);
    for (const code of [0, 7, 8, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9f]) {
      expect(hasControlCharacter(`a${String.fromCharCode(code)}b`)).toBe(true);
    }
    expect(hasControlCharacter('\u00a0')).toBe(false);
    expect(withoutControlCharacters('bad\u001b[31mred\u0000\t\n')).toBe(
      'bad[31mred\t\n',
    );
  });

  it('reports control characters of a service at the key and keeps the text without them', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.api]', // 1
        'name = "API\\u0000"', // 2
        'description = "bad\\u001b[31mred\\u001b[0m"', // 3
        'type = "worker\\b"', // 4
        'owner = "team\\f"', // 5
        'tags = ["ok", "bell\\u0007", "del\\u007f"]', // 6
        'version = "1.0.0"', // 7
        '[service.api.governance]', // 8
        '  change_log = "see\\u0085log"', // 9
        '[service.api.sla]', // 10
        'support_hours = "24/7\\u009b"', // 11
        'break_handling = "page"', // 12
      ].join('\n'),
    });
    const api = registry.services.get('api')!;
    expect(api.name).toBe('API');
    expect(api.description).toBe('bad[31mred[0m');
    expect(api.type).toBe('worker');
    expect(api.owner).toBe('team');
    expect(api.tags).toEqual(['ok', 'bell', 'del']);
    expect(api.governance?.changeLog).toBe('seelog');
    expect(api.sla?.supportHours).toBe('24/7');
    expect(api.sla?.breakHandling).toBe('page');
    // the table as written keeps them
    expect(api.raw.description).toBe('bad\u001b[31mred\u001b[0m');
    expect((api.raw.tags as string[])[1]).toBe('bell\u0007');

    const found = registry.findings.filter(
      f => f.code === 'schema/control-character',
    );
    expect(
      found.map(f => [f.severity, f.service, f.file, f.line, f.column]),
    ).toEqual([
      ['warning', 'api', 'services/catalog.toml', 2, 1],
      ['warning', 'api', 'services/catalog.toml', 3, 1],
      ['warning', 'api', 'services/catalog.toml', 4, 1],
      ['warning', 'api', 'services/catalog.toml', 5, 1],
      ['warning', 'api', 'services/catalog.toml', 6, 15], // at the element
      ['warning', 'api', 'services/catalog.toml', 6, 29],
      ['warning', 'api', 'services/catalog.toml', 9, 3],
      ['warning', 'api', 'services/catalog.toml', 11, 1],
    ]);
    expect(found[1].message).toBe(
      'Service "api": description holds control characters (\\u001b), which are removed from what the catalog, the portal and the CLI show. Delete them from the string in the TOML file (an escape such as \\u001b or \\b, often a pasted terminal colour code); tabs and line breaks are allowed.',
    );
    expect(found[0].message).toContain(
      'name holds control characters (\\u0000)',
    );
    expect(found[2].message).toContain(
      'type holds control characters (\\u0008)',
    );
    expect(found[4].message).toContain(
      'tags[1] holds control characters (\\u0007)',
    );
    expect(found[5].message).toContain(
      'tags[2] holds control characters (\\u007f)',
    );
    expect(found[6].message).toContain(
      'governance.change_log holds control characters (\\u0085)',
    );
    expect(found[7].message).toContain(
      'sla.support_hours holds control characters (\\u009b)',
    );
    // no finding of the loader holds a raw control character
    for (const finding of registry.findings) {
      expect(ANY_CONTROL.test(JSON.stringify(finding))).toBe(false);
      expect(ANY_CONTROL.test(finding.message)).toBe(false);
    }
  });

  it('reports a multi-line string at its key, and names each character once', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.api]', // 1
        'version = "1.0.0"', // 2
        'description = """', // 3
        'first line\\u001b[1m', // 4
        '\tsecond\\u001b[0m line\\u0000', // 5
        '"""', // 6
      ].join('\n'),
    });
    expect(registry.services.get('api')!.description).toBe(
      'first line[1m\n\tsecond[0m line\n',
    );
    const found = registry.findings.filter(
      f => f.code === 'schema/control-character',
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        service: 'api',
        file: 'services/catalog.toml',
        line: 3,
        column: 1,
        message: expect.stringContaining(
          'description holds control characters (\\u001b, \\u0000)',
        ),
      }),
    ]);
  });

  it('lets tabs, line breaks and other text through without a finding', () => {
    const text = [
      '[service.api]',
      'name = "API\\tv2\\r\\n"',
      'description = """',
      'one\ttwo',
      'three é ✓"""',
      'tags = ["a\\tb"]',
      'version = "1.0.0"',
    ].join('\n');
    const registry = load({ 'services/catalog.toml': text });
    const api = registry.services.get('api')!;
    expect(api.name).toBe('API\tv2\r\n');
    expect(api.description).toBe('one\ttwo\nthree é ✓');
    expect(api.tags).toEqual(['a\tb']);
    expect(
      registry.findings.filter(f => f.code === 'schema/control-character'),
    ).toEqual([]);
  });

  it('reports control characters of a project at the key', () => {
    const registry = load({
      'projects/shop/services.toml': [
        '[project]', // 1
        'name = "Shop\\u001b[2J"', // 2
        'description = "ok"', // 3
        'environment = "prod\\u0000"', // 4
        'tier = "high"', // 5
        'owner = "shop-team"', // 6
      ].join('\n'),
    });
    const shop = registry.projects.get('shop')!;
    expect(shop.name).toBe('Shop[2J');
    expect(shop.environment).toBe('prod');
    expect(shop.description).toBe('ok');
    expect(
      registry.findings
        .filter(f => f.code === 'schema/control-character')
        .map(f => [f.project, f.line, f.column, f.message]),
    ).toEqual([
      [
        'shop',
        2,
        1,
        expect.stringContaining(
          'Project "shop": name holds control characters (\\u001b)',
        ),
      ],
      [
        'shop',
        4,
        1,
        expect.stringContaining(
          'environment holds control characters (\\u0000)',
        ),
      ],
    ]);
  });

  it('strips them in a project override view too', () => {
    const registry = load({
      'services/catalog.toml':
        '[service.api]\nversion = "1.0.0"\ndescription = "global"\n',
      'projects/shop/services.toml': [
        '[project]',
        'name = "Shop"',
        '[service.api]',
        'description = "override\\u001b[31m"',
      ].join('\n'),
    });
    const view = getServiceForProject(registry, 'shop', 'api')!;
    expect(view.description).toBe('override[31m');
    expect(registry.services.get('api')!.description).toBe('global');
    expect(
      registry.findings.filter(f => f.code === 'schema/control-character'),
    ).toHaveLength(1);
  });

  it('tells bidirectional controls and line separators from the text of right-to-left scripts and emoji', () => {
    const removed = [
      0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067,
      0x2068, 0x2069,
    ];
    for (const code of removed) {
      const text = `a${String.fromCharCode(code)}b`;
      expect([code.toString(16), hasControlCharacter(text)]).toEqual([
        code.toString(16),
        true,
      ]);
      expect(withoutControlCharacters(text)).toBe('ab');
    }
    // their neighbours, the marks, the zero-width (non-)joiners and the byte order mark are text
    for (const code of [
      0x061c, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2027, 0x202f, 0x2060,
      0x2065, 0x206a, 0xfeff,
    ]) {
      expect([
        code.toString(16),
        hasControlCharacter(`a${String.fromCharCode(code)}b`),
      ]).toEqual([code.toString(16), false]);
    }
    expect(hasControlCharacter('خدمة الدفع')).toBe(false);
    expect(hasControlCharacter('שירות תשלומים')).toBe(false);
    expect(hasControlCharacter('👩\u200d💻 🏳️\u200d🌈')).toBe(false);
    expect(
      withoutControlCharacters('\u202eabc\u202c \u2066x\u2069\u2028y\u2029'),
    ).toBe('abc xy');
  });

  it('reports bidirectional controls and line separators of a service at the key and keeps the text without them', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.api]', // 1
        'version = "1.0.0"', // 2
        'name = "Payments \\u202Egnp.exe"', // 3: a right-to-left override, as an escape
        // 4: isolates, written as they are
        'description = "Charges \\u2066cards\\u2069 and \\u2067بطاقات\\u2069, \\u2068wallets\\u2069"',
        'tags = ["ok", "two\\u2028lines"]', // 5
        'owner = "team\\u2029"', // 6
        'type = "api\\u001b\\u202d"', // 7: both kinds
      ].join('\n'),
    });
    const api = registry.services.get('api')!;
    expect(api.name).toBe('Payments gnp.exe');
    expect(api.description).toBe('Charges cards and بطاقات, wallets');
    expect(api.tags).toEqual(['ok', 'twolines']);
    expect(api.owner).toBe('team');
    expect(api.type).toBe('api');
    // the table as written keeps them
    expect(api.raw.name).toBe('Payments \u202egnp.exe');
    expect((api.raw.tags as string[])[1]).toBe('two\u2028lines');

    const found = registry.findings.filter(
      f => f.code === 'schema/control-character',
    );
    // one finding per value
    expect(
      found
        .map(f => [f.severity, f.service, f.file, f.line, f.column] as const)
        .sort((a, b) => a[3] - b[3] || a[4] - b[4]),
    ).toEqual([
      ['warning', 'api', 'services/catalog.toml', 3, 1],
      ['warning', 'api', 'services/catalog.toml', 4, 1],
      ['warning', 'api', 'services/catalog.toml', 5, 15], // at the element
      ['warning', 'api', 'services/catalog.toml', 6, 1],
      ['warning', 'api', 'services/catalog.toml', 7, 1],
    ]);
    const at = (line: number) => found.find(f => f.line === line)!.message;
    expect(at(3)).toBe(
      'Service "api": name holds invisible formatting characters (\\u202e), which are removed from what the catalog, the portal and the CLI show. Delete them from the string in the TOML file (a bidirectional control such as \\u202e makes the text display in another order than it is written); tabs and line breaks are allowed.',
    );
    expect(at(4)).toContain(
      'description holds invisible formatting characters (\\u2066, \\u2069, \\u2067, \\u2068)',
    );
    expect(at(5)).toBe(
      'Service "api": tags[1] holds invisible formatting characters (\\u2028), which are removed from what the catalog, the portal and the CLI show. Delete them from the string in the TOML file (\\u2028 and \\u2029 break the line in some renderers only; write a line break as \\n); tabs and line breaks are allowed.',
    );
    expect(at(6)).toContain(
      'owner holds invisible formatting characters (\\u2029)',
    );
    expect(at(7)).toBe(
      'Service "api": type holds control and invisible formatting characters (\\u001b, \\u202d), which are removed from what the catalog, the portal and the CLI show. Delete them from the string in the TOML file (an escape such as \\u001b or \\b, often a pasted terminal colour code; a bidirectional control such as \\u202e makes the text display in another order than it is written); tabs and line breaks are allowed.',
    );
    // no finding of the loader holds a raw one
    for (const finding of registry.findings) {
      expect(ANY_FORMATTING.test(JSON.stringify(finding))).toBe(false);
    }
  });

  it('names the kinds of characters past the five it names', () => {
    const registry = load({
      'services/catalog.toml':
        '[service.api]\nversion = "1.0.0"\nname = "\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u202e"\n',
    });
    const [finding] = registry.findings.filter(
      f => f.code === 'schema/control-character',
    );
    expect(finding.message).toContain(
      'name holds control and invisible formatting characters (\\u0001, \\u0002, \\u0003, \\u0004, \\u0005, …)',
    );
    expect(registry.services.get('api')!.name).toBe('');
  });

  it('reports them in a project', () => {
    const registry = load({
      'projects/shop/services.toml': [
        '[project]', // 1
        'name = "Shop"', // 2
        'description = "\\u202bمتجر\\u202c"', // 3
      ].join('\n'),
    });
    expect(registry.projects.get('shop')!.description).toBe('متجر');
    expect(
      registry.findings
        .filter(f => f.code === 'schema/control-character')
        .map(f => [f.project, f.line, f.column]),
    ).toEqual([['shop', 3, 1]]);
  });

  it('loads right-to-left text, its marks and emoji sequences unchanged, without a finding', () => {
    const team = '👩\u200d💻 payments'; // woman technologist: an emoji joined by U+200D
    const flag = '🏳️\u200d🌈';
    const registry = load({
      'services/catalog.toml': [
        '[service.pay]',
        'version = "1.0.0"',
        'name = "خدمة الدفع"',
        'description = "שירות תשלומים (גרסה 2)\u200f — خدمة الدفع\u061c 3"',
        `owner = "${team}"`,
        `tags = ["${flag}", "مدفوعات", "zwnj\u200cword", "ltr\u200emark"]`,
      ].join('\n'),
    });
    const pay = registry.services.get('pay')!;
    expect(pay.name).toBe('خدمة الدفع');
    expect(pay.description).toBe(
      'שירות תשלומים (גרסה 2)\u200f — خدمة الدفع\u061c 3',
    );
    expect(pay.owner).toBe(team);
    expect(pay.tags).toEqual([
      flag,
      'مدفوعات',
      'zwnj\u200cword',
      'ltr\u200emark',
    ]);
    expect(
      registry.findings.filter(f => f.code === 'schema/control-character'),
    ).toEqual([]);
  });
});
