import { runRule } from '../__testUtils__/registryOf';
import { imageRegistries } from './imageRegistries';

const POLICY = {
  'policies/security.toml':
    '[security]\nallowed_registries = ["ghcr.io/example-org", "registry.example.com/"]\n',
};

/** A global service `api` with the given `metadata.image` line (none when undefined). */
function api(image?: string) {
  return {
    'services/catalog.toml': [
      '[service.api]',
      'version = "1.0.0"',
      '',
      '[service.api.metadata]',
      'replicas = 2',
      ...(image === undefined ? [] : [`image = ${image}`]),
    ].join('\n'),
  };
}

describe('imageRegistries', () => {
  it('reports an image from a registry not allowed at metadata.image, naming the allowed ones', () => {
    expect(
      runRule(imageRegistries, {
        ...POLICY,
        ...api('"docker.io/library/nginx:1.27"'),
      }),
    ).toEqual([
      {
        severity: 'error',
        code: 'security/image-registry-not-allowed',
        message:
          'Service "api": metadata.image "docker.io/library/nginx:1.27" is not from a registry that policies/security.toml [security] allowed_registries allows: "ghcr.io/example-org" and "registry.example.com". Publish the image to one of them and point metadata.image at it, or add its registry to allowed_registries.',
        file: 'services/catalog.toml',
        line: 6,
        column: 1,
        service: 'api',
      },
    ]);
  });

  it.each([
    '"ghcr.io/example-org/api"',
    '"ghcr.io/example-org/team/api:1.0.0"',
    '"ghcr.io/example-org/api@sha256:0a1b"',
    '"ghcr.io/example-org"',
    '"registry.example.com/api:2"',
  ])('accepts metadata.image = %s', image => {
    expect(runRule(imageRegistries, { ...POLICY, ...api(image) })).toEqual([]);
  });

  it.each([
    '"ghcr.io/example-organisation/api"',
    '"ghcr.io/api"',
    '"api:1.0"',
    '""',
  ])(
    'refuses metadata.image = %s, which only looks like an allowed registry',
    image => {
      expect(
        runRule(imageRegistries, { ...POLICY, ...api(image) }).map(f => f.code),
      ).toEqual(['security/image-registry-not-allowed']);
    },
  );

  it('refuses an image that is not a string, which cannot be checked', () => {
    const findings = runRule(imageRegistries, {
      ...POLICY,
      ...api('{ repository = "docker.io/api", tag = "1" }'),
    });
    expect(findings.map(f => [f.code, f.line])).toEqual([
      ['security/image-registry-not-allowed', 6],
    ]);
    expect(findings[0].message).toContain(
      'metadata.image must be an image reference in quotes (e.g. "ghcr.io/example-org/api:1.0.0") for [security] allowed_registries to be checked, got a table.',
    );
  });

  it('checks nothing for a service without metadata.image, nor without allowed_registries', () => {
    expect(runRule(imageRegistries, { ...POLICY, ...api() })).toEqual([]);
    expect(runRule(imageRegistries, api('"docker.io/api"'))).toEqual([]);
    expect(
      runRule(imageRegistries, {
        'policies/security.toml': '[security]\nblock_on = ["security/"]\n',
        ...api('"docker.io/api"'),
      }),
    ).toEqual([]);
  });

  it('allows nothing when allowed_registries is empty', () => {
    const findings = runRule(imageRegistries, {
      'policies/security.toml': '[security]\nallowed_registries = []\n',
      ...api('"ghcr.io/example-org/api"'),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(
      'is not from a registry that policies/security.toml [security] allowed_registries allows: it lists none.',
    );
  });

  it('checks each project view: an override that changes the image to a registry not allowed', () => {
    const findings = runRule(imageRegistries, {
      ...POLICY,
      ...api('"ghcr.io/example-org/api"'),
      'projects/shop/services.toml': [
        '[project]',
        '',
        '[service.api.metadata]',
        'image = "docker.io/shop/api"',
      ].join('\n'),
    });
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'security/image-registry-not-allowed',
        message: expect.stringMatching(
          /^In project "shop": Service "api": metadata\.image "docker\.io\/shop\/api" is not from a registry/,
        ),
        file: 'projects/shop/services.toml',
        line: 4,
        column: 1,
        service: 'api',
        project: 'shop',
      },
    ]);
  });

  it('reports a global image not allowed once, and not for an override that fixes it', () => {
    const findings = runRule(imageRegistries, {
      ...POLICY,
      ...api('"docker.io/api"'),
      'projects/a/services.toml': '[project]\n[service.api]\ntier = "low"\n',
      'projects/b/services.toml':
        '[project]\n[service.api.metadata]\nimage = "ghcr.io/example-org/api"\n',
    });
    expect(findings.map(f => [f.file, f.line, f.project])).toEqual([
      ['services/catalog.toml', 6, undefined],
    ]);
  });

  it("checks a project's own service", () => {
    const findings = runRule(imageRegistries, {
      ...POLICY,
      'projects/shop/services.toml':
        '[project]\n[service.shop-web]\nmetadata = { image = "quay.io/shop/web" }\n',
    });
    expect(findings.map(f => [f.file, f.line, f.project, f.service])).toEqual([
      ['projects/shop/services.toml', 3, 'shop', 'shop-web'],
    ]);
  });
});
