import { CatalogScmEvent } from '@backstage/plugin-catalog-node/alpha';
import { scmEventConcernsRegistry } from './scmEventConcernsRegistry';

const target = 'https://github.com/acme/registry/tree/main';

describe('scmEventConcernsRegistry', () => {
  it('takes a change of a file of the registry, whichever way its URL is written', () => {
    const changed = (url: string): CatalogScmEvent => ({
      type: 'location.updated',
      url,
    });
    for (const url of [
      'https://github.com/acme/registry/blob/main/projects/shop/services.toml',
      'https://github.com/acme/registry/tree/main/services/catalog.toml',
      'https://GitHub.com/Acme/Registry/blob/main/policies/sla.toml',
      'https://github.com/acme/registry/blob/main/policies/sla.toml#L3',
    ]) {
      expect(scmEventConcernsRegistry(changed(url), target)).toBe(true);
    }
    expect(
      scmEventConcernsRegistry(
        {
          type: 'location.created',
          url: `${target}/projects/new/services.toml`,
        },
        target,
      ),
    ).toBe(true);
    expect(
      scmEventConcernsRegistry(
        {
          type: 'location.deleted',
          url: `${target}/projects/old/services.toml`,
        },
        target,
      ),
    ).toBe(true);
  });

  it('ignores other repositories, branches and folders', () => {
    for (const url of [
      'https://github.com/acme/other/blob/main/projects/shop/services.toml',
      'https://github.com/acme/registry-old/blob/main/services/catalog.toml',
      'https://github.com/acme/registry/blob/develop/services/catalog.toml',
      'https://github.com/acme/registry/blob/main-2/services/catalog.toml',
      'https://gitlab.com/acme/registry/-/blob/main/services/catalog.toml',
      'not a url',
    ]) {
      expect(
        scmEventConcernsRegistry({ type: 'location.updated', url }, target),
      ).toBe(false);
    }
    expect(
      scmEventConcernsRegistry(
        {
          type: 'location.updated',
          url: 'https://github.com/acme/registry/blob/main/docs/README.md',
        },
        'https://github.com/acme/registry/tree/main/registry',
      ),
    ).toBe(false);
  });

  it('takes a registry in a folder of a repository, and a GitLab registry', () => {
    expect(
      scmEventConcernsRegistry(
        {
          type: 'location.updated',
          url: 'https://github.com/acme/platform/blob/main/registry/services/catalog.toml',
        },
        'https://github.com/acme/platform/tree/main/registry/',
      ),
    ).toBe(true);
    expect(
      scmEventConcernsRegistry(
        {
          type: 'location.updated',
          url: 'https://gitlab.example.com/platform/registry/-/blob/main/projects/a/services.toml',
        },
        'https://gitlab.example.com/platform/registry/-/tree/main',
      ),
    ).toBe(true);
  });

  it('takes a file moved into or out of the registry', () => {
    expect(
      scmEventConcernsRegistry(
        {
          type: 'location.moved',
          fromUrl: 'https://github.com/acme/other/blob/main/services.toml',
          toUrl: `${target}/projects/shop/services.toml`,
        },
        target,
      ),
    ).toBe(true);
    expect(
      scmEventConcernsRegistry(
        {
          type: 'location.moved',
          fromUrl: `${target}/projects/shop/services.toml`,
          toUrl: 'https://github.com/acme/other/blob/main/services.toml',
        },
        target,
      ),
    ).toBe(true);
  });

  it('takes a change of the repository that holds the registry, not of another one', () => {
    for (const event of [
      { type: 'repository.updated', url: 'https://github.com/acme/registry' },
      { type: 'repository.deleted', url: 'https://github.com/acme/registry/' },
      {
        type: 'repository.moved',
        fromUrl: 'https://github.com/acme/registry',
        toUrl: 'https://github.com/platform/registry',
      },
    ] as CatalogScmEvent[]) {
      expect(scmEventConcernsRegistry(event, target)).toBe(true);
    }
    expect(
      scmEventConcernsRegistry(
        { type: 'repository.updated', url: 'https://github.com/acme/reg' },
        target,
      ),
    ).toBe(false);
    expect(
      scmEventConcernsRegistry(
        { type: 'repository.created', url: 'https://github.com/acme/other' },
        target,
      ),
    ).toBe(false);
  });

  const updated = (url: string): CatalogScmEvent => ({
    type: 'location.updated',
    url,
  });

  it('reads the branch of a Bitbucket Server registry from `?at=`, and ignores other branches and folders', () => {
    const bitbucket =
      'https://bitbucket.example.com/projects/ACME/repos/registry/browse/registry?at=refs/heads/main';
    const file = (at: string, path = 'registry/services/catalog.toml') =>
      updated(
        `https://bitbucket.example.com/projects/ACME/repos/registry/browse/${path}${at}`,
      );
    for (const event of [
      file('?at=refs/heads/other'),
      file('?at=other'),
      file('?at=refs/heads/main-2'),
      file('?at=refs/heads/main', 'docs/README.md'),
      file('?at=refs/heads/main', 'registry-old/catalog.toml'),
      updated(
        'https://bitbucket.example.com/projects/ACME/repos/registry-old/browse/registry/catalog.toml?at=refs/heads/main',
      ),
    ]) {
      expect(scmEventConcernsRegistry(event, bitbucket)).toBe(false);
    }
    for (const event of [
      file('?at=refs/heads/main'),
      file('?at=main'),
      file('?at=refs%2Fheads%2Fmain'),
      // no branch: the default branch, which may be the registry's
      file(''),
    ]) {
      expect(scmEventConcernsRegistry(event, bitbucket)).toBe(true);
    }
  });

  it('reads the folder and branch of an Azure DevOps registry from `path=` and `version=`', () => {
    const azure =
      'https://dev.azure.com/acme/platform/_git/registry?path=/registry&version=GBmain';
    const file = (query: string) =>
      updated(`https://dev.azure.com/acme/platform/_git/registry?${query}`);
    for (const event of [
      file('path=/elsewhere/x.yaml&version=GBother'),
      file('path=/elsewhere/x.yaml&version=GBmain'),
      file('path=/registry/services/catalog.toml&version=GBother'),
      file('path=/registry-old/catalog.toml&version=GBmain'),
      file('path=/elsewhere/x.yaml'),
      updated(
        'https://dev.azure.com/acme/platform/_git/other?path=/registry/services/catalog.toml&version=GBmain',
      ),
    ]) {
      expect(scmEventConcernsRegistry(event, azure)).toBe(false);
    }
    for (const event of [
      file('path=/registry/services/catalog.toml&version=GBmain'),
      file('path=%2Fregistry%2Fprojects%2Fshop%2Fservices.toml&version=GBmain'),
      // as Backstage's Azure DevOps module writes a push to the default branch: no version
      file('path=/registry/services/catalog.toml'),
      {
        type: 'repository.updated',
        url: 'https://acme@dev.azure.com/acme/platform/_git/registry',
      } as CatalogScmEvent,
    ]) {
      expect(scmEventConcernsRegistry(event, azure)).toBe(true);
    }
  });

  it('takes the files of a repository named like a path part (`blob`, `tree`)', () => {
    for (const [url, registry] of [
      [
        'https://github.com/acme/blob/blob/main/services/catalog.toml',
        'https://github.com/acme/blob/tree/main',
      ],
      [
        'https://github.com/acme/blob/blob/main/services/catalog.toml',
        'https://github.com/acme/blob',
      ],
      [
        'https://github.com/acme/tree/blob/main/registry/catalog.toml',
        'https://github.com/acme/tree/tree/main/registry',
      ],
      [
        'https://gitlab.example.com/acme/blob/-/blob/main/services/catalog.toml',
        'https://gitlab.example.com/acme/blob/-/tree/main',
      ],
    ]) {
      expect(scmEventConcernsRegistry(updated(url), registry)).toBe(true);
    }
    expect(
      scmEventConcernsRegistry(
        updated('https://github.com/acme/blob/blob/develop/catalog.toml'),
        'https://github.com/acme/blob/tree/main',
      ),
    ).toBe(false);
  });

  it('takes a file on any branch of a registry read at the default branch, which the event does not name as such', () => {
    // The GitHub and GitLab modules only send events of pushes to the default branch, under
    // its name: `feature-x` is the default branch here, or the event costs one more read.
    for (const [url, registry] of [
      [
        'https://github.com/acme/registry/blob/feature-x/services/catalog.toml',
        'https://github.com/acme/registry',
      ],
      [
        'https://github.com/acme/registry/blob/trunk/registry/catalog.toml',
        'https://github.com/acme/registry/tree/HEAD/registry',
      ],
      [
        'https://gitlab.example.com/platform/team/registry/-/blob/develop/catalog.toml',
        'https://gitlab.example.com/platform/team/registry',
      ],
    ]) {
      expect(scmEventConcernsRegistry(updated(url), registry)).toBe(true);
    }
    for (const [url, registry] of [
      [
        'https://github.com/acme/registry-old/blob/main/catalog.toml',
        'https://github.com/acme/registry',
      ],
      [
        'https://github.com/acme/registry/blob/main/docs/catalog.toml',
        'https://github.com/acme/registry/tree/HEAD/registry',
      ],
    ]) {
      expect(scmEventConcernsRegistry(updated(url), registry)).toBe(false);
    }
  });
});
