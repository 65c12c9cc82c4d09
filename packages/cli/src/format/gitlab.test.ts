import { aFinding as finding } from '../__testUtils__/finding';
import { formatFindingsGitlab, gitlabCodeQuality } from './gitlab';

describe('gitlabCodeQuality', () => {
  it('maps error, warning and info to major, minor and info', () => {
    const issues = gitlabCodeQuality(
      [
        finding({ severity: 'error', code: 'a/b' }),
        finding({ severity: 'warning', code: 'c/d' }),
        finding({ severity: 'info', code: 'e/f' }),
      ],
      { root: '' },
    );
    expect(issues.map(i => i.severity)).toEqual(['major', 'minor', 'info']);
  });

  it('gives the same problem written twice in a file two fingerprints', () => {
    const [first, second] = gitlabCodeQuality(
      [finding({ line: 3 }), finding({ line: 9 })],
      { root: '' },
    );
    expect(first.fingerprint).not.toBe(second.fingerprint);
    // and the same two again: the same two fingerprints, in order
    const again = gitlabCodeQuality(
      [finding({ line: 4 }), finding({ line: 10 })],
      { root: '' },
    );
    expect(again.map(i => i.fingerprint)).toEqual([
      first.fingerprint,
      second.fingerprint,
    ]);
  });

  it('puts a finding about the registry as a whole at its root folder, line 1', () => {
    const [issue] = gitlabCodeQuality(
      [finding({ file: '', line: 0, column: 0 })],
      { root: 'registry' },
    );
    expect(issue.location).toEqual({
      path: 'registry',
      positions: { begin: { line: 1, column: 1 } },
    });
  });

  it('never writes a credential a path holds', () => {
    const report = formatFindingsGitlab(
      [
        finding({
          file: 'projects/https:__deploy:s3cret@git.example.com/services.toml',
        }),
      ],
      { root: 'registry' },
    );
    expect(report).not.toContain('s3cret');
    expect(JSON.parse(report)[0].location.path).toBe(
      'registry/projects/https:__deploy:(hidden)@git.example.com/services.toml',
    );
  });
});
