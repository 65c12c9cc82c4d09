import { githubRepositoryOf } from './githubRepository';

describe('githubRepositoryOf', () => {
  const github = 'https://github.com';

  it('reads owner and name from the addresses a repository field holds', () => {
    const acme = 'acme/api';
    for (const address of [
      'https://github.com/acme/api',
      'https://github.com/acme/api/',
      'https://github.com/acme/api.git',
      'https://GitHub.com/acme/api/tree/main/services/api',
      'http://github.com/acme/api',
      ' https://github.com/acme/api ',
    ]) {
      expect([address, githubRepositoryOf(address, github)]).toEqual([
        address,
        acme,
      ]);
    }
  });

  it('keeps only owner and name of an address with a user and token', () => {
    expect(
      githubRepositoryOf(
        'https://bot:ghp_secret123@github.com/acme/api',
        github,
      ),
    ).toBe('acme/api');
  });

  it('knows only the repositories of the GitHub server it is given', () => {
    expect(
      githubRepositoryOf('https://gitlab.com/acme/api', github),
    ).toBeUndefined();
    expect(
      githubRepositoryOf('git@gitlab.com:acme/api.git', github),
    ).toBeUndefined();
    expect(
      githubRepositoryOf('https://github.example.com/acme/api', github),
    ).toBeUndefined();
    expect(
      githubRepositoryOf(
        'https://github.example.com/acme/api',
        'https://github.example.com/',
      ),
    ).toBe('acme/api');
  });

  it('gives nothing for an address without owner and name', () => {
    for (const address of [
      'https://github.com/acme',
      'https://github.com/',
      'https://github.com/acme/..',
      'https://github.com/acme/a%20b',
      'not a url',
      'ftp://github.com/acme/api',
      'git@github.com:acme/api.git',
    ]) {
      expect([address, githubRepositoryOf(address, github)]).toEqual([
        address,
        undefined,
      ]);
    }
  });
});
