import { removeServiceKeys } from './removeServiceKeys';

const LIFECYCLE = [
  'status',
  'deprecation_date',
  'sunset_date',
  'replacement_service',
  'migration',
];

const remove = (text: string, id = 'x') =>
  removeServiceKeys(text, id, LIFECYCLE, 'projects/p/services.toml');

describe('removeServiceKeys', () => {
  it('removes keys of a [service.<id>] table and its sub-table, keeping the rest byte for byte', () => {
    const text =
      '[project]\nname = "P"\n\n[service.x]\nstatus = "ga" # mine\nport = 1\n\n[service.x.migration]\n# ours\nguide_url = "u"\n\n# next one\n[service.y]\nstatus = "ga"\n';
    const result = remove(text);
    expect(result.text).toBe(
      '[project]\nname = "P"\n\n[service.x]\nport = 1\n\n# next one\n[service.y]\nstatus = "ga"\n',
    );
    expect(result.removed).toEqual([
      { key: 'status', value: 'ga' },
      { key: 'migration', value: { guide_url: 'u' } },
    ]);
  });

  it('removes a sub-table at the end of the file, and the blank line before it', () => {
    expect(
      remove(
        '[service.x]\nport = 1\n\n[service.x.migration]\nguide_url = "u"\n',
      ).text,
    ).toBe('[service.x]\nport = 1\n');
  });

  it('removes dotted keys and inline tables, on several lines too', () => {
    const text =
      '[service]\nx.status = "ga"\nx.port = 2\nx.migration = {\n  guide_url = "u",\n  support_until = 2027-01-01,\n}\ny.status = "ga"\n';
    expect(remove(text).text).toBe('[service]\nx.port = 2\ny.status = "ga"\n');
    expect(
      remove(
        'service.x.sunset_date = 2027-01-01\nservice.x.migration.guide_url = "u"\nservice.x.port = 3\n',
      ).text,
    ).toBe('service.x.port = 3\n');
  });

  it('keeps CRLF line endings and the BOM', () => {
    expect(
      remove('\ufeff[service.x]\r\nstatus = "ga"\r\nport = 1\r\n').text,
    ).toBe('\ufeff[service.x]\r\nport = 1\r\n');
  });

  it('returns the text unchanged when the service writes none of the keys', () => {
    const text = '[service.x]\nport = 1\n';
    expect(remove(text)).toEqual({ text, removed: [] });
    expect(remove(text, 'other')).toEqual({ text, removed: [] });
  });

  it('refuses a file that does not parse', () => {
    expect(() => remove('[service.x\n')).toThrow(/does not parse/);
  });
});
