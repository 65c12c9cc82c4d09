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
});
