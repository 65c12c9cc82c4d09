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

  describe('an override left with nothing', () => {
    const removeAuth = (text: string) => remove(text, 'shared-auth').text;

    it('goes with the [service] header and the comment its dotted keys leave behind, the neighbours intact', () => {
      expect(
        removeAuth(
          '[project]\nname = "P"\n\n# shared-auth stays ga for our launch\n[service]\nshared-auth.status = "ga"\nshared-auth.sunset_date = 2028-01-01\n\n# our web front\n[service.web]\nport = 1\n',
        ),
      ).toBe(
        '[project]\nname = "P"\n\n# our web front\n[service.web]\nport = 1\n',
      );
    });

    it('goes with its [service.<id>] header and the comments on it', () => {
      expect(
        removeAuth(
          '[project]\nname = "P"\n\n# shared-auth pinned\n[service.shared-auth]\n# ga until our launch\nstatus = "ga"\n\n[service.shared-auth.migration]\nguide_url = "u"\n\n# our web front\n[service.web]\nport = 1\n',
        ),
      ).toBe(
        '[project]\nname = "P"\n\n# our web front\n[service.web]\nport = 1\n',
      );
    });

    it('goes when written as an inline table under [service]', () => {
      expect(
        removeAuth(
          '[service]\nweb.port = 1\nshared-auth = { status = "ga", sunset_date = 2028-01-01 }\nbilling.port = 2\n',
        ),
      ).toBe('[service]\nweb.port = 1\nbilling.port = 2\n');
      expect(
        removeAuth(
          '[project]\nname = "P"\n\n[service]\n# pinned\nshared-auth = { status = "ga" }\n',
        ),
      ).toBe('[project]\nname = "P"\n');
    });

    it('goes when written as dotted keys at the top of the file, the comment after a blank line kept', () => {
      expect(
        removeAuth(
          '# Project P\n\n# pinned\nservice.shared-auth.status = "ga"\nservice.shared-auth.sunset_date = 2028-01-01\n\n[project]\nname = "P"\n',
        ),
      ).toBe('# Project P\n\n[project]\nname = "P"\n');
    });

    it('leaves a [service] header that still holds other services', () => {
      expect(
        removeAuth(
          '# overrides\n[service]\nshared-auth.status = "ga"\nweb.port = 1\n',
        ),
      ).toBe('# overrides\n[service]\nweb.port = 1\n');
    });
  });

  it('removes only the lifecycle keys of an override that has others, however written', () => {
    const removeAuth = (text: string) => remove(text, 'shared-auth').text;
    expect(
      removeAuth(
        '[service]\nshared-auth.status = "ga"\nshared-auth.port = 9\nweb.port = 1\n',
      ),
    ).toBe('[service]\nshared-auth.port = 9\nweb.port = 1\n');
    expect(
      removeAuth(
        '# auth\n[service.shared-auth]\nstatus = "ga"\n\n[service.shared-auth.sla]\nuptime = 99.9\n',
      ),
    ).toBe(
      '# auth\n[service.shared-auth]\n\n[service.shared-auth.sla]\nuptime = 99.9\n',
    );
    expect(
      removeAuth(
        'service.shared-auth.status = "ga"\nservice.shared-auth.port = 9\n\n[project]\nname = "P"\n',
      ),
    ).toBe('service.shared-auth.port = 9\n\n[project]\nname = "P"\n');
  });

  it('refuses an inline-table override that has other keys, naming the file', () => {
    expect(() =>
      remove(
        '[service]\nshared-auth = { status = "ga", port = 2 }\n',
        'shared-auth',
      ),
    ).toThrow(
      'Cannot remove status of "shared-auth" from projects/p/services.toml in place',
    );
  });

  describe('comments', () => {
    it('removes the comment block right above a removed key, and keeps one a blank line away', () => {
      expect(
        remove(
          '[service.x]\nport = 9\n# pinned until our launch\n# (agreed with platform)\nstatus = "ga"\n\n# owned by team t\nowner = "t"\n\n# dates agreed in Q3\n\nsunset_date = 2028-01-01\n',
        ).text,
      ).toBe(
        '[service.x]\nport = 9\n\n# owned by team t\nowner = "t"\n\n# dates agreed in Q3\n',
      );
    });

    it('removes the comment right above a removed dotted key, under [service] and at the top of the file', () => {
      expect(
        remove(
          '[service]\n# we pin it\nx.status = "ga"\nx.port = 3\n# web\ny.port = 1\n',
        ).text,
      ).toBe('[service]\nx.port = 3\n# web\ny.port = 1\n');
      expect(
        remove(
          'service.x.port = 3\n# pinned\r\nservice.x.status = "ga"\r\n# web\nservice.y.port = 1\n',
        ).text,
      ).toBe('service.x.port = 3\n# web\nservice.y.port = 1\n');
    });

    it('removes the comment right above a removed sub-table', () => {
      expect(
        remove(
          '[service.x]\nport = 1\n\n# our own migration guide\n[service.x.migration]\nguide_url = "u"\n\n# next one\n[service.y]\nport = 2\n',
        ).text,
      ).toBe('[service.x]\nport = 1\n\n# next one\n[service.y]\nport = 2\n');
    });
  });

  it('refuses a file that does not parse', () => {
    expect(() => remove('[service.x\n')).toThrow(/does not parse/);
  });
});
