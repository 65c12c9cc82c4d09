import { gitlabProjectOf } from './gitlabProject';

describe('gitlabProjectOf', () => {
  const gitlab = 'https://gitlab.example.com';

  it('reads the project path, subgroups included, from the addresses a repository field holds', () => {
    for (const [address, project] of [
      ['https://gitlab.example.com/shop/api', 'shop/api'],
      ['https://gitlab.example.com/shop/api/', 'shop/api'],
      ['https://gitlab.example.com/shop/api.git', 'shop/api'],
      ['https://gitlab.example.com/acme/shop/api', 'acme/shop/api'],
      [
        'https://GitLab.example.com/acme/shop/api/-/tree/main/services/api',
        'acme/shop/api',
      ],
      ['https://bot:glpat-secret@gitlab.example.com/shop/api', 'shop/api'],
    ]) {
      expect([address, gitlabProjectOf(address, gitlab)]).toEqual([
        address,
        project,
      ]);
    }
  });

  it("keeps to the server's relative URL root", () => {
    expect(
      gitlabProjectOf(
        'https://example.com/gitlab/shop/api/-/blob/main/README.md',
        'https://example.com/gitlab/',
      ),
    ).toBe('shop/api');
    expect(
      gitlabProjectOf(
        'https://example.com/shop/api',
        'https://example.com/gitlab',
      ),
    ).toBeUndefined();
  });

  it('gives nothing for another host or an address without group and project', () => {
    for (const address of [
      'https://gitlab.com/shop/api',
      'https://github.com/shop/api',
      'https://gitlab.example.com/shop',
      'https://gitlab.example.com/shop/../api',
      'https://gitlab.example.com/-/ide/project/shop/api',
      'ssh://git@gitlab.example.com/shop/api.git',
      'not a url',
    ]) {
      expect([address, gitlabProjectOf(address, gitlab)]).toEqual([
        address,
        undefined,
      ]);
    }
  });
});
