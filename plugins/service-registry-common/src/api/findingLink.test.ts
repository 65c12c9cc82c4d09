import { findingLink } from './findingLink';

describe('findingLink', () => {
  it('points at the line of the file under a URL registry', () => {
    expect(
      findingLink(
        'url:https://github.com/acme/registry/tree/main/',
        'projects/shop/services.toml',
        12,
      ),
    ).toBe(
      'https://github.com/acme/registry/tree/main/projects/shop/services.toml#L12',
    );
    expect(
      findingLink(
        'url:https://gitlab.example/acme/registry/-/tree/main',
        'services/catalog.toml',
        3,
      ),
    ).toBe(
      'https://gitlab.example/acme/registry/-/tree/main/services/catalog.toml#L3',
    );
  });

  it('has no link for a local directory or a strange location', () => {
    expect(findingLink('file:/srv/registry', 'services/catalog.toml', 3)).toBe(
      undefined,
    );
    expect(findingLink('url:javascript:alert(1)', 'a.toml', 1)).toBe(undefined);
  });

  it('keeps the file inside the registry root', () => {
    expect(
      findingLink('url:https://github.com/acme/registry/tree/main/', '../x', 1),
    ).toBe('https://github.com/acme/registry/tree/main/x#L1');
  });
});
