import { findImpossibleDate } from './impossibleDate';
import { parseTomlFile } from './parseToml';
import { loadRegistry } from './buildRegistry';

describe('findImpossibleDate', () => {
  it.each([
    [
      'the 30th of February',
      'sunset_date = 2026-02-30\n',
      '2026-02-30',
      'February 2026 has 28 days',
      1,
      15,
    ],
    [
      'the 29th of February of a common year',
      'a = 2025-02-29\n',
      '2025-02-29',
      'February 2025 has 28 days',
      1,
      5,
    ],
    [
      '1900, a common year although divisible by four',
      'a = 1900-02-29\n',
      '1900-02-29',
      'February 1900 has 28 days',
      1,
      5,
    ],
    [
      'the 31st of a 30-day month',
      'x = 1\n\nsupport_until = 2025-04-31\n',
      '2025-04-31',
      'April 2025 has 30 days',
      3,
      17,
    ],
    [
      'a date-time',
      'at = 2025-11-31T10:00:00Z\n',
      '2025-11-31',
      'November 2025 has 30 days',
      1,
      6,
    ],
    [
      'a local date-time with a space',
      'at = 2025-06-31 10:00:00\n',
      '2025-06-31',
      'June 2025 has 30 days',
      1,
      6,
    ],
    [
      'an array element',
      'dates = [2026-01-31, 2026-09-31]\n',
      '2026-09-31',
      'September 2026 has 30 days',
      1,
      22,
    ],
    [
      'an inline table value',
      't = { d = 2026-02-31 }\n',
      '2026-02-31',
      'February 2026 has 28 days',
      1,
      11,
    ],
    [
      'after a multi-line string that holds quotes',
      'd = """a "quoted" ""\nword"""""\nx = 2026-02-30\n',
      '2026-02-30',
      'February 2026 has 28 days',
      3,
      5,
    ],
    [
      'after a multi-line literal string',
      "d = '''2026-02-30\n'''\nx = 2026-02-30\n",
      '2026-02-30',
      'February 2026 has 28 days',
      3,
      5,
    ],
    [
      'after a string with an escaped quote',
      'd = "say \\"2026-02-30\\""\nx = 2026-02-30\n',
      '2026-02-30',
      'February 2026 has 28 days',
      2,
      5,
    ],
  ])('finds %s', (_, text, literal, reason, line, column) => {
    expect(findImpossibleDate(text)).toEqual({ literal, reason, line, column });
  });

  it.each([
    ['the 29th of February of a leap year', 'a = 2024-02-29\n'],
    ['2000, a leap year', 'a = 2000-02-29\n'],
    ['the 30th of April', 'a = 2026-04-30\n'],
    ['the 31st of a 31-day month', 'a = 2026-01-31\nb = 2026-12-31\n'],
    ['a basic string', 'a = "2026-02-30"\n'],
    ['a literal string', "a = 'on 2026-02-30'\n"],
    ['a multi-line string', 'a = """\nfrom 2026-02-30\n"""\n'],
    ['a comment', 'a = 1 # was 2026-02-30\n'],
    ['a bare key', '2026-02-30 = "x"\n'],
    ['a dotted bare key', 'a.2026-02-30.b = "x"\n'],
    ['a table header', '[2026-02-30]\nx = 1\n[[h]]\n'],
    ['a dotted header key after a blank', '[service. 2026-02-30]\nx = 1\n'],
    ['a dotted header key after a tab', '[service.\t2026-02-30 ]\nx = 1\n'],
    ['a dotted key after blanks', 'a = { b.  2026-02-30 .c = 1 }\n'],
    ['a header key after blanks', '[ \t2026-02-30 . x]\ny = 1\n'],
    ['an array of tables key after blanks', '[[ a .\t2026-02-30 ]]\ny = 1\n'],
    ['a longer number', 'a = "x"\nb = 12026-02-30\n'],
  ])('accepts %s', (_, text) => {
    expect(findImpossibleDate(text)).toBeUndefined();
  });
});

describe('a registry with an impossible date', () => {
  const catalog = [
    '[service.legacy-auth]',
    'name = "Legacy auth"',
    'owner = "team-a"',
    'status = "deprecated"',
    'version = "1.0.0"',
    'replacement_service = "auth"',
    'sunset_date = 2026-02-30',
    '',
    '[service.auth]',
    'name = "Auth"',
    'owner = "team-a"',
    'version = "2.0.0"',
    '',
  ].join('\r\n');

  it('is a syntax error at the date, not a later date', () => {
    const result = parseTomlFile('services/catalog.toml', `\uFEFF${catalog}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.finding).toMatchObject({
      severity: 'error',
      code: 'toml/syntax',
      file: 'services/catalog.toml',
      line: 7,
      column: 15,
    });
    expect(result.finding.message).toContain(
      'invalid date 2026-02-30 (February 2026 has 28 days)',
    );
  });

  it('leaves the file out of the load, and the other files load', () => {
    const registry = loadRegistry([
      { path: 'services/catalog.toml', text: catalog },
      {
        path: 'projects/shop/services.toml',
        text: '[project]\nid = "shop"\nowner = "team-b"\n\n[service.cart]\nname = "Cart"\nowner = "team-b"\nversion = "1.0.0"\n',
      },
    ]);
    expect(registry.failedFiles).toEqual(['services/catalog.toml']);
    expect([...registry.services.keys()]).toEqual(['cart']);
    expect(registry.services.get('legacy-auth')).toBeUndefined();
  });

  it('loads a service whose id is written like an impossible date after a dot and a blank', () => {
    const registry = loadRegistry([
      {
        path: 'services/catalog.toml',
        text: '[service. 2026-02-30]\nversion = "1.0.0"\n',
      },
    ]);
    expect(registry.failedFiles).toEqual([]);
    expect(registry.findings).toEqual([]);
    expect(registry.services.get('2026-02-30')?.version).toBe('1.0.0');
  });

  it('changes nothing for a valid date on the same days', () => {
    const registry = loadRegistry([
      {
        path: 'services/catalog.toml',
        text: catalog.replace('2026-02-30', '2028-02-29'),
      },
    ]);
    expect(registry.failedFiles).toEqual([]);
    expect(registry.services.get('legacy-auth')?.sunsetDate).toBe('2028-02-29');
  });
});
