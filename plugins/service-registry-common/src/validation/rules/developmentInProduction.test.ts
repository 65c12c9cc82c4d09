import { runRule } from '../__testUtils__/registryOf';
import { developmentInProduction } from './developmentInProduction';

/** A project `shop` with the given environment and one service of the given status. */
function shop(environment: string | undefined, status = 'development') {
  return {
    'projects/shop/services.toml': [
      '[project]',
      ...(environment === undefined
        ? []
        : [`environment = ${JSON.stringify(environment)}`]),
      '[service.router]',
      `status = "${status}"`,
    ].join('\n'),
  };
}

describe('developmentInProduction', () => {
  it('warns about a development service of a production project, at its status', () => {
    expect(runRule(developmentInProduction, shop('production'))).toEqual([
      {
        severity: 'warning',
        code: 'lifecycle/development-in-production',
        message:
          'Service "router" is in development (experimental, only in staging), but its project "shop" is a production environment (environment = "production"). Promote it to beta (an opt-in, limited production use) once it is ready, or declare it in a staging project.',
        file: 'projects/shop/services.toml',
        line: 4,
        column: 1,
        service: 'router',
        project: 'shop',
      },
    ]);
  });

  it.each(['prod', 'Production', 'PROD', 'prod-eu-west-1', 'eu production'])(
    'reads environment = "%s" as production',
    environment => {
      expect(
        runRule(developmentInProduction, shop(environment)).map(f => f.code),
      ).toEqual(['lifecycle/development-in-production']);
    },
  );

  it.each([
    'staging',
    'preprod',
    'pre-prod',
    'pre-production',
    'non-production',
    'nonprod',
    'product-staging',
    'development',
  ])('does not read environment = "%s" as production', environment => {
    expect(runRule(developmentInProduction, shop(environment))).toEqual([]);
  });

  it('checks nothing in a project without environment, nor services of other stages', () => {
    expect(runRule(developmentInProduction, shop(undefined))).toEqual([]);
    expect(
      runRule(developmentInProduction, shop('production', 'beta')),
    ).toEqual([]);
  });

  it('does not check global services, which have no environment', () => {
    expect(
      runRule(developmentInProduction, {
        'services/catalog.toml': '[service.lab]\nstatus = "development"\n',
      }),
    ).toEqual([]);
  });

  it("checks a production project's view of an overridden global service", () => {
    const findings = runRule(developmentInProduction, {
      'services/catalog.toml': '[service.lab]\nstatus = "development"\n',
      'projects/shop/services.toml': [
        '[project]',
        'environment = "prod"',
        '',
        '[service.lab.metadata]',
        'replicas = 2',
      ].join('\n'),
    });
    expect(
      findings.map(f => [f.code, f.file, f.line, f.project, f.service]),
    ).toEqual([
      [
        'lifecycle/development-in-production',
        'projects/shop/services.toml',
        4,
        'shop',
        'lab',
      ],
    ]);
    expect(findings[0].message).toMatch(
      /^In project "shop": Service "lab" is in development/,
    );
  });
});
