import { InputError } from '@backstage/errors';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { refuseControlCharacters } from './controlCharacters';

/** The message `refuseControlCharacters` throws for the inputs, or undefined when it takes them. */
function refusal(
  inputs: { [name: string]: unknown },
  multiLine: string[] = [],
): string | undefined {
  try {
    refuseControlCharacters(inputs, multiLine);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
}

describe('refuseControlCharacters', () => {
  it.each([
    ['a pasted colour code', '\u001b[31mOrders\u001b[0m', 'U+001B (escape)'],
    ['NUL', 'Orders\u0000', 'U+0000 (NUL)'],
    ['DEL', 'Orders\u007f', 'U+007F (DEL)'],
    ['a C1 next line', 'Orders\u0085', 'U+0085'],
    ['a C1 control sequence introducer', 'Orders\u009b31m', 'U+009B'],
    ['a backspace', 'type\bwriter', 'U+0008 (backspace)'],
  ])('refuses %s in a name, naming the character', (_, name, escape) => {
    const message = refusal({ name });
    expect(message).toMatch(/^name holds the control character /);
    expect(message).toContain(escape);
    expect(message).toMatch(/nothing was written\.$/);
    // the value itself is never repeated, raw or escaped
    expect(message).not.toMatch(/Orders|writer/);
  });

  it.each([
    [
      'a right-to-left override',
      'Orders \u202egnp.exe',
      'U+202E (right-to-left override)',
    ],
    [
      'a left-to-right embedding',
      '\u202aOrders',
      'U+202A (left-to-right embedding)',
    ],
    [
      'a pop directional formatting',
      'Orders\u202c',
      'U+202C (pop directional formatting)',
    ],
    [
      'a right-to-left isolate',
      'Orders \u2067x',
      'U+2067 (right-to-left isolate)',
    ],
    [
      'a pop directional isolate',
      'Orders\u2069',
      'U+2069 (pop directional isolate)',
    ],
    ['a line separator', 'Orders\u2028API', 'U+2028 (line separator)'],
    ['a paragraph separator', 'Orders\u2029', 'U+2029 (paragraph separator)'],
  ])('refuses %s in a name, naming the character', (_, name, escape) => {
    const message = refusal({ name });
    expect(message).toMatch(/^name holds the invisible formatting character /);
    expect(message).toContain(escape);
    expect(message).toMatch(/nothing was written\.$/);
    // the value itself is never repeated, raw or escaped
    expect(message).not.toMatch(/Orders|writer/);
  });

  it('names the item of a list, the key of a table, and where the first character is', () => {
    expect(refusal({ tags: ['ok', 'still ok', 'ré\u001bd'] })).toBe(
      'tags[2] holds the control character U+001B (escape) (the first at character 3): control characters are invisible or drive the reader\'s terminal (often a pasted colour code such as "\\u001b[31m"), and the registry removes them from what the catalog, the portal and the CLI show. Remove it from the template\'s input; nothing was written.',
    );
    expect(
      refusal({ governance: { approvers: ['@sre', '@ops\u0007'] } }),
    ).toMatch(
      /^governance\.approvers\[1\] holds the control character U\+0007 \(bell\)/,
    );
    expect(refusal({ sla: { supportHours: '24/7\u0090' } })).toMatch(
      /^sla\.supportHours holds the control character U\+0090 /,
    );
    expect(refusal({ metadata: { 'image\u001b': 'x' } })).toMatch(
      /^a key of metadata holds the control character U\+001B \(escape\)/,
    );
  });

  it('says why bidirectional controls and separators are refused, in multi-line text too', () => {
    expect(refusal({ name: 'Orders \u202egnp.exe' })).toBe(
      "name holds the invisible formatting character U+202E (right-to-left override) (the first at character 8): bidirectional controls make text display in another order than it is written, line or paragraph separators break the line in some renderers only, and the registry removes them from what the catalog, the portal and the CLI show. Remove it from the template's input; nothing was written.",
    );
    expect(
      refusal({ description: 'Line one\n\u2066two\u2069\u2028' }, [
        'description',
      ]),
    ).toMatch(
      /^description holds the invisible formatting characters U\+2066 \(left-to-right isolate\), U\+2069 \(pop directional isolate\), U\+2028 \(line separator\) \(the first at character 10\)/,
    );
    expect(refusal({ owner: '@ops\u001b\u202d' })).toMatch(
      /^owner holds the control and invisible formatting characters U\+001B \(escape\), U\+202D \(left-to-right override\) \(the first at character 5\): control characters are invisible .*; bidirectional controls make text display/,
    );
  });

  it('takes right-to-left text, its marks and emoji sequences', () => {
    expect(
      refusal(
        {
          name: 'خدمة الدفع',
          description: 'שירות תשלומים (גרסה 2)\u200f\nخدمة\u061c',
          owner: '👩\u200d💻 payments',
          tags: ['🏳️\u200d🌈', 'zwnj\u200cword', 'ltr\u200emark'],
        },
        ['description'],
      ),
    ).toBeUndefined();
  });

  it('names each distinct character once, five at most', () => {
    expect(refusal({ owner: '\u0001\u0002\u0001\u007f' })).toMatch(
      /^owner holds the control characters U\+0001, U\+0002, U\+007F \(DEL\) \(the first at character 1\).*Remove them/,
    );
    expect(
      refusal({ owner: '\u0001\u0002\u0003\u0004\u0005\u0006\u0007' }),
    ).toMatch(
      /^owner holds the control characters U\+0001, U\+0002, U\+0003, U\+0004, U\+0005, … \(/,
    );
  });

  it('refuses tabs and line breaks in a single line, and keeps them in a multi-line input', () => {
    expect(refusal({ name: 'Orders\tAPI' }, ['description'])).toBe(
      "name holds the control character U+0009 (tab) (the first at character 7): name is a single line; tabs and line breaks are kept only in description. Remove it from the template's input; nothing was written.",
    );
    expect(refusal({ tags: ['a\r\nb'] }, ['description'])).toMatch(
      /^tags\[0\] holds the control characters U\+000D \(carriage return\), U\+000A \(line feed\) /,
    );
    expect(refusal({ migration: { guideUrl: 'https://x/\n' } })).toMatch(
      /migration\.guideUrl is a single line, without tabs or line breaks\./,
    );
    expect(
      refusal(
        {
          description: 'Line one\r\n\tindented line two\n',
          governance: { changeLog: 'a\nb' },
        },
        ['description', 'governance.changeLog'],
      ),
    ).toBeUndefined();
    // the other control characters are refused in multi-line text too
    expect(
      refusal({ description: 'Line one\n\u001b[1mbold' }, ['description']),
    ).toMatch(
      /^description holds the control character U\+001B \(escape\) \(the first at character 10\)/,
    );
  });

  it('takes text without control characters, and skips values that are not text', () => {
    expect(
      refusal({
        name: 'Orders “API” ✓ — ünïcødé',
        tags: ['a', 'b'],
        port: 8080,
        metadata: { replicas: 2, debug: false },
        absent: undefined,
      }),
    ).toBeUndefined();
  });

  it("refuses what the registry's loader would remove with a warning, so nothing it takes draws one", () => {
    // every C0, DEL and C1 character and the first characters after them, the General
    // Punctuation block (the bidirectional controls, line and paragraph separators, marks and
    // zero-width characters), the Arabic letter mark and the byte order mark
    const codes = [
      ...Array.from({ length: 0xa3 }, (_, code) => code),
      0x061c,
      ...Array.from({ length: 0x70 }, (_, k) => 0x2000 + k),
      0xfeff,
    ];
    const hex = (code: number) => code.toString(16).padStart(4, '0');
    // a display name (one line) and a description (several) holding each character, as escapes
    const text = codes
      .map(
        code =>
          `[service.n-${hex(code)}]\nname = "a\\u${hex(
            code,
          )}b"\n[service.d-${hex(code)}]\ndescription = "a\\u${hex(code)}b"\n`,
      )
      .join('');
    const registry = loadRegistry([{ path: 'services/catalog.toml', text }]);
    expect(registry.failedFiles).toEqual([]);
    const warned = new Set(
      registry.findings
        .filter(f => f.code === 'schema/control-character')
        .map(f => f.service),
    );
    const refused = (field: string) =>
      codes.filter(
        code =>
          refusal({ [field]: `a${String.fromCharCode(code)}b` }, [
            'description',
          ]) !== undefined,
      );
    const warnedFor = (prefix: string) =>
      codes.filter(code => warned.has(`${prefix}-${hex(code)}`));
    // the loader warns about the same characters in both fields
    expect(warnedFor('n')).toEqual(warnedFor('d'));
    // in a multi-line text the action refuses exactly what the loader warns about
    expect(refused('description').map(hex)).toEqual(warnedFor('d').map(hex));
    // which is every C0 but tab, line feed and carriage return, DEL, C1, the bidirectional
    // embeddings, overrides and isolates and the line and paragraph separators
    const bidiOrSeparator = (code: number) =>
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069);
    expect(warnedFor('d').map(hex)).toEqual(
      codes
        .filter(
          code =>
            (code < 0x20 && ![0x09, 0x0a, 0x0d].includes(code)) ||
            (code >= 0x7f && code <= 0x9f) ||
            bidiOrSeparator(code),
        )
        .map(hex),
    );
    // in a name, that and tab, line feed and carriage return
    expect(refused('name').map(hex)).toEqual(
      codes
        .filter(
          code =>
            code < 0x20 ||
            (code >= 0x7f && code <= 0x9f) ||
            bidiOrSeparator(code),
        )
        .map(hex),
    );
    expect(
      refused('name').filter(code => !warnedFor('n').includes(code)),
    ).toEqual([0x09, 0x0a, 0x0d]);
  });
});
