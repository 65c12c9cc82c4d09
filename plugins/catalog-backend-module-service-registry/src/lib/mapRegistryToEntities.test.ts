import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { mapRegistryToEntities } from './mapRegistryToEntities';

const options = {
  providerId: 'default',
  rootLocation: 'file:/srv/registry',
  fileLocation: (file: string) => ({ location: `file:/srv/registry/${file}` }),
  sharedSystem: 'shared',
  defaultOwner: 'unknown',
  ownerGroups: true,
};

function linksOf(repository: string) {
  const registry = loadRegistry([
    {
      path: 'services/catalog.toml',
      text: `[service.billing]\nowner = "billing-team"\nversion = "1.0.0"\nstatus = "ga"\nrepository = "${repository}"\n`,
    },
  ]);
  const [billing] = mapRegistryToEntities(registry, options).filter(
    m => m.entity.kind === 'Component',
  );
  return billing.entity.metadata.links;
}

describe('mapRegistryToEntities: the repository link', () => {
  it('is the repository URL as written', () => {
    expect(linksOf('https://github.com/acme/billing')).toEqual([
      {
        url: 'https://github.com/acme/billing',
        title: 'Repository',
        type: 'repository',
      },
    ]);
  });

  it('never carries a user name or password written into the URL', () => {
    const [link] = linksOf(
      'https://deploy:s3cretpass@git.example.com/billing.git',
    )!;
    expect(link.url).toBe('https://git.example.com/billing.git');
    const [token] = linksOf('https://ghp_tokenvalue@github.com/acme/billing')!;
    expect(token.url).toBe('https://github.com/acme/billing');
  });
});
