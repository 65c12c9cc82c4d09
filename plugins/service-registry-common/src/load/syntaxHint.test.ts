import { parseTomlFile } from './parseToml';

/** The syntax finding of a file that does not parse. */
function findingOf(text: string) {
  const result = parseTomlFile('projects/shop/services.toml', text);
  if (result.ok) throw new Error('the file parsed');
  return result.finding;
}

describe('TOML syntax errors tell how to fix them', () => {
  it.each([
    [
      'a string left open at the end of its line',
      '[service.orders]\nname = "Orders\nversion = "1.0.0"\n',
      2,
      'The string that opens on this line is not closed: add its closing quote',
    ],
    [
      'a string left open, in a file with CRLF line ends',
      '[service.orders]\r\nname = "Orders\r\nversion = "1.0.0"\r\n',
      2,
      'The string that opens on this line is not closed',
    ],
    [
      'a literal string left open',
      "[service.orders]\nname = 'Orders\n",
      2,
      'The string that opens on this line is not closed',
    ],
    [
      'a string left open at the end of the file',
      '[service.orders]\nname = "Orders',
      2,
      'is not closed before the end of the file',
    ],
    [
      'an integer beyond what a number holds without losing digits',
      '[service.orders]\nport = 8080\n[service.orders.metadata]\ncost_center = 123456789012345678901\n',
      4,
      'This integer is larger than 9007199254740991, the largest whole number a registry value is read as without losing digits: write an identifier (an account, a cost centre) as a string in quotes, e.g. account = "12345678901234567890", and a quantity in a larger unit.',
    ],
    [
      'a version without quotes',
      '[service.orders]\nversion = 1.0.0\n',
      2,
      'A version is a string: write it in quotes, e.g. version = "1.2.3".',
    ],
    [
      'a text value without quotes',
      '[service.orders]\nowner = platform-team\n',
      2,
      'Text values go in quotes, e.g. owner = "platform-team".',
    ],
    [
      'a table declared twice',
      '[service.orders]\nname = "A"\n\n[service.orders]\nname = "B"\n',
      4,
      'This table is already defined on line 1: merge the two, or remove one.',
    ],
    [
      'a key given twice in one table',
      '[service.orders]\nname = "A"\nowner = "shop"\nname = "B"\n',
      4,
      'This key is already defined on line 2: merge the two, or remove one.',
    ],
    [
      'a dotted key given twice, another key of its table between them',
      '[service.orders]\nmetadata.image = "a"\nmetadata.cpu = 1\nmetadata.image = "b"\n',
      4,
      'This key is already defined on line 2: merge the two, or remove one.',
    ],
    [
      'a key given a value after dotted keys below it',
      '[service.orders]\nsla.rto = "5m"\nsla.rpo = "1m"\nsla = "gold"\n',
      4,
      'This key is already defined on line 2: merge the two, or remove one.',
    ],
    [
      'a key given twice, once in quotes',
      '[service.orders]\n"port" = 1\nname = "A"\nport = 2\n',
      4,
      'This key is already defined on line 2: merge the two, or remove one.',
    ],
    [
      'a table header left open',
      '[service.orders\nname = "A"\n',
      1,
      'The table header is not closed: add its closing bracket',
    ],
    [
      'a key without =',
      '[service.orders]\nname "A"\n',
      2,
      'A key is followed by = and its value',
    ],
    [
      'an array left open before the next table',
      '[service.orders]\nrequires = ["shared-auth", "shared-db"\n\n[service.cart]\nport = 1\n',
      4,
      'The array that opens on line 2 is not closed: add its closing ] after its last element.',
    ],
    [
      'an array over several lines left open',
      '[service.orders.dependencies]\nrequires = [\n  "shared-auth",\n  "shared-db"\noptional = []\n',
      5,
      'The array that opens on line 2 is not closed: add its closing ] after its last element.',
    ],
    [
      'an inline table left open',
      '[service.orders]\nsla = { availability = "99.9%"\nport = 1\n',
      3,
      'The inline table that opens on line 2 is not closed: add its closing } after its last element.',
    ],
    [
      'array elements without a comma',
      '[service.orders]\nrequires = ["shared-auth" "shared-db"]\n',
      2,
      'Separate the elements with commas, e.g. requires = ["shared-auth", "shared-db"].',
    ],
    [
      'a date that does not exist',
      '[service.orders]\nsunset_date = 2026-13-45\n',
      2,
      'Dates are written YYYY-MM-DD with a real month and day',
    ],
    [
      'arrays nested deeper than the parser reads',
      `[service.orders]\nport = 1\nx = ${'['.repeat(1200)}${']'.repeat(
        1200,
      )}\n`,
      3,
      'Arrays and inline tables here nest deeper than 1,000 levels, and no registry value needs more than a few: remove the extra brackets or braces.',
    ],
  ])('%s', (_, text, line, hint) => {
    const finding = findingOf(text);
    expect(finding).toMatchObject({ code: 'toml/syntax', line });
    expect(finding.message).toContain(hint);
    // the parser's own words stay, and the usual closing sentence
    expect(finding.message).toMatch(
      /^projects\/shop\/services\.toml is not valid TOML: [^.]+\. .+ Fix the syntax at this line and column; the file is ignored until it parses\.$/,
    );
  });

  it("ends the parser's reason with one full stop", () => {
    const finding = findingOf(
      `[service.orders]\nx = ${'{a = '.repeat(1200)}1${'}'.repeat(1200)}\n`,
    );
    expect(finding.message).toContain(
      'is not valid TOML: document contains excessively nested structures. aborting. Arrays',
    );
    expect(finding.message).not.toContain('..');
  });

  it('adds no hint when the cause is not clear from the text', () => {
    const finding = findingOf('[service.orders]\nport = 80 80\n');
    expect(finding.message).toBe(
      'projects/shop/services.toml is not valid TOML: each key-value declaration must be followed by an end-of-line. Fix the syntax at this line and column; the file is ignored until it parses.',
    );
  });

  it('does not echo the value of the line in the hint (it may be a secret)', () => {
    const finding = findingOf('[service.orders]\napi_token = "s3cr3t-value\n');
    expect(finding.message).not.toContain('s3cr3t');
  });

  it('reads a long line of brackets and blanks above the error in linear time', () => {
    // a line of `[` and 20,000 blanks (inside a string) between a key and its redefinition: the
    // header pattern used before backtracked in cubic time over it, for half an hour at this
    // length
    const finding = findingOf(
      [
        '[service.orders]',
        'name = "Orders"',
        'description = """',
        `[${' '.repeat(20_000)}x`,
        '"""',
        'name = "Orders again"',
        '',
      ].join('\n'),
    );
    expect(finding.message).toContain(
      'This key is already defined on line 2: merge the two, or remove one.',
    );
  });
});
