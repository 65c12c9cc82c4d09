import { runRule } from '../__testUtils__/registryOf';
import { sortFindings } from '../findings';
import { catalogEntityNames } from './catalogEntityNames';

describe('catalogEntityNames', () => {
  it('warns about service ids and project folders the catalog cannot name an entity', () => {
    const findings = sortFindings(
      runRule(catalogEntityNames, {
        'services/catalog.toml': [
          '[service.-auth]', // 1
          'version = "1.0.0"',
          '[service.cache-]', // 3
          '[service.-]', // 4
          '[service.ok-service]',
          '[service.a--b]',
        ].join('\n'),
        'projects/-shop/services.toml': [
          '[project]', // 1
          'name = "Shop"',
          '[service.web-]', // 3
        ].join('\n'),
      }),
    );
    expect(
      findings.map(f => [
        f.code,
        f.severity,
        f.file,
        f.line,
        f.column,
        f.service ?? '',
        f.project ?? '',
      ]),
    ).toEqual([
      [
        'schema/invalid-entity-name',
        'warning',
        'projects/-shop/services.toml',
        1,
        1,
        '',
        '-shop',
      ],
      [
        'schema/invalid-entity-name',
        'warning',
        'projects/-shop/services.toml',
        3,
        1,
        'web-',
        '-shop',
      ],
      [
        'schema/invalid-entity-name',
        'warning',
        'services/catalog.toml',
        1,
        1,
        '-auth',
        '',
      ],
      [
        'schema/invalid-entity-name',
        'warning',
        'services/catalog.toml',
        3,
        1,
        'cache-',
        '',
      ],
      [
        'schema/invalid-entity-name',
        'warning',
        'services/catalog.toml',
        4,
        1,
        '-',
        '',
      ],
    ]);
    const byService = (id: string) => findings.find(f => f.service === id)!;
    expect(byService('-auth').message).toBe(
      'Service id "-auth" starts or ends with "-": the Backstage catalog cannot name an entity so and leaves this service out (catalog/invalid-entity). Rename [service.-auth] to start and end with a letter or digit (e.g. "auth"), and update the dependencies that name it.',
    );
    expect(byService('-').message).toContain('(e.g. "my-service")');
    expect(findings.find(f => f.service === undefined)!.message).toBe(
      'Project folder "-shop" starts or ends with "-": the Backstage catalog cannot name an entity so and leaves this project\'s System out (catalog/invalid-entity). Rename the folder projects/-shop/ to start and end with a letter or digit (e.g. "shop").',
    );
  });

  it('leaves alone retired services (never emitted) and ids already reported as invalid', () => {
    expect(
      runRule(catalogEntityNames, {
        'services/catalog.toml': [
          '[service.old-]',
          'status = "retired"',
          '[service.-Bad_Id]',
          '[service.x]',
        ].join('\n'),
        'projects/Shop-/services.toml': '[project]\nname = "Shop"',
      }),
    ).toEqual([]);
  });
});
