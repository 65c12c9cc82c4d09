import { validateRegistry } from '../validation/validateRegistry';
import { loadRegistry } from './buildRegistry';

/** A control character, a carriage return and a bidirectional override in one folder name. */
const FOLDER = 'evil\u001b[8m\rx\u202e';
const SHOWN = 'evil\\u001b[8m\\u000dx\\u202e';
const RAW =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('messages that name a file', () => {
  it('write the control characters of its path as escapes (the finding keeps the path as is)', () => {
    const loaded = loadRegistry([
      { path: `projects/${FOLDER}/services.toml`, text: '[project' },
      { path: `projects/${FOLDER}/services.toml`, text: '[project]' },
      {
        path: `projects/${FOLDER}/Monitoring.toml`,
        text: 'password = "hunter2-Sup3r"',
      },
      {
        path: `projects/${FOLDER}/deployment.toml`,
        text: '',
        tooLarge: { bytes: 20_000_000, limit: 16_777_216 },
      },
      {
        path: `projects/${FOLDER}/monitoring.toml`,
        text: '',
        notUtf8: { byte: 0xe9, line: 1, column: 3 },
      },
    ]);
    const findings = validateRegistry(loaded, { today: '2026-01-15' });
    const codes = [
      'registry/duplicate-file',
      'registry/unknown-file',
      'toml/syntax',
      'toml/file-too-large',
      'security/secret-value',
    ];
    for (const code of codes) {
      const about = findings.filter(f => f.code === code);
      expect([code, about.length > 0]).toEqual([code, true]);
      for (const finding of about) {
        expect([code, finding.message]).toEqual([
          code,
          expect.stringContaining(`projects/${SHOWN}/`),
        ]);
        expect(finding.message).not.toMatch(RAW);
        expect(finding.file.startsWith(`projects/${FOLDER}/`)).toBe(true);
      }
    }
    // the not-UTF-8 file is a toml/syntax error too
    expect(
      findings.filter(f => f.code === 'toml/syntax').map(f => f.file),
    ).toEqual([
      `projects/${FOLDER}/monitoring.toml`,
      `projects/${FOLDER}/services.toml`,
    ]);
  });
});
