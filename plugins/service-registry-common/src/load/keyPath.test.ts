import { parse } from 'smol-toml';
import { loadRegistry } from './buildRegistry';
import { controlCharacterPattern } from './controlCharacterPattern';
import { hasControlCharacter } from './controlCharacters';
import { joinKeyPath, tomlBasicString } from './keyPath';

// one of each kind of character loading removes from free text, and some it keeps
const DEL = '\u007f';
const C1 = '\u0085';
const RLO = '\u202e';
const LSEP = '\u2028';
const ISOLATE = '\u2066';

describe('tomlBasicString', () => {
  it.each([
    ['plain', 'a.b'],
    ['quotes and backslashes', 'say "hi" \\ bye'],
    ['C0 controls', 'tab\there\nnew\u001bline'],
    ['DEL and C1', `a${DEL}b${C1}c`],
    ['bidirectional controls', `abc${RLO}def${ISOLATE}`],
    ['line separator', `one${LSEP}two`],
    ['text that loading keeps', 'Ñandú 日本 \u200f emoji 👩‍💻'],
  ])('quotes %s as a TOML string that reads back the same', (_, text) => {
    const quoted = tomlBasicString(text);
    expect(parse(`k = ${quoted}`).k).toBe(text);
    expect(hasControlCharacter(quoted)).toBe(false);
    expect(quoted).not.toMatch(/[\n\t]/);
  });

  it('writes every character loading removes as a \\u escape', () => {
    expect(tomlBasicString(`${DEL}${C1}${RLO}${LSEP}`)).toBe(
      '"\\u007f\\u0085\\u202e\\u2028"',
    );
  });

  it('quotes every character as JSON.stringify would, with the removed ones escaped', () => {
    const slow = (text: string) =>
      JSON.stringify(text).replace(
        controlCharacterPattern({ global: true }),
        c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    for (let c = 0; c <= 0xffff; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      expect(tomlBasicString(text)).toBe(slow(text));
    }
    for (const text of ['', 'api', 'a b.c', '👩‍💻 x', '\ud83d', 'x\udc69']) {
      expect(tomlBasicString(text)).toBe(slow(text));
    }
  });

  it('gives two texts two quoted forms, even one that spells an escape out', () => {
    expect(tomlBasicString(RLO)).not.toBe(tomlBasicString('\\u202e'));
    expect(joinKeyPath(['service', RLO])).not.toBe(
      joinKeyPath(['service', '\\u202e']),
    );
  });
});

describe('joinKeyPath', () => {
  it('writes bare keys and indices as they are and quotes the others', () => {
    expect(joinKeyPath(['service', 'x', 'a.b', 'tags', 0])).toBe(
      'service.x."a.b".tags.0',
    );
    expect(joinKeyPath(['service', 'x', `m${RLO}`])).toBe(
      'service.x."m\\u202e"',
    );
  });
});

describe('keys with control characters in findings', () => {
  const load = (text: string) =>
    loadRegistry([{ path: 'services/catalog.toml', text }]).findings;

  it('quotes them escaped in every message, and still places the finding at the key', () => {
    const findings = load(
      [
        '[service.auth]',
        'type = "backend"',
        'owner = "team-a"',
        // escapes in the TOML text: TOML does not allow a raw DEL there
        '"colo\\u202eur" = "red"',
        '"x\\u007fy" = 1',
        '',
        `[service."Bad${C1}Id"]`,
        'type = "backend"',
        '',
        `["top${LSEP}level"]`,
      ].join('\n'),
    );
    expect(findings.map(f => f.code)).toEqual(
      expect.arrayContaining([
        'schema/unknown-field',
        'schema/invalid-id',
        'schema/unknown-table',
      ]),
    );
    for (const finding of findings) {
      expect(hasControlCharacter(finding.message)).toBe(false);
    }
    const unknown = findings.filter(f => f.code === 'schema/unknown-field');
    expect(unknown).toEqual([
      expect.objectContaining({
        line: 4,
        column: 1,
        message: expect.stringContaining('unknown field "colo\\u202eur"'),
      }),
      expect.objectContaining({
        line: 5,
        column: 1,
        message: expect.stringContaining('unknown field "x\\u007fy"'),
      }),
    ]);
    expect(
      findings.find(f => f.code === 'schema/invalid-id')?.message,
    ).toContain('Service id "Bad\\u0085Id" is invalid');
    expect(
      findings.find(f => f.code === 'schema/unknown-table')?.message,
    ).toContain('unknown table ["top\\u2028level"]');
  });
});
