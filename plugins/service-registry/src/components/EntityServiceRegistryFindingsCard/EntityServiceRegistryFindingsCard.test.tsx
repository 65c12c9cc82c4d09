import { screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_SOURCE_FILE,
} from '@service-registry/plugin-service-registry-common';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import { findingsRouteRef } from '../../routes';
import {
  BROKEN_FILE,
  findingOf,
  findingsSnapshot,
  getFindingsFrom,
  githubLineOf,
  GITHUB_ROOT,
  whereOf,
} from '../../testUtils/findingsFixture';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { EntityServiceRegistryFindingsCard } from './EntityServiceRegistryFindingsCard';
import { EntityServiceRegistryFindingsCardProps } from '.';
import { lowestTextContrast } from '../../testUtils/textContrast';
import { darkTheme, lightTheme } from '@backstage/theme';
import { cardSurfaces, contrastOn, TEXT_CONTRAST } from '../contrast';
import { SEVERITIES, severityTextColor } from './findingParts';
import { withSignal } from '../../testUtils/withSignal';
import { renamedComponent } from '../../testUtils/renamedComponent';

function component(
  name: string,
  sourceFile?: string,
  extra: { kind?: string; registry?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: extra.kind ?? 'Component',
    metadata: {
      name,
      annotations: {
        [ANNOTATION_REGISTRY_ID]: extra.registry ?? 'default',
        ...(sourceFile ? { [ANNOTATION_SOURCE_FILE]: sourceFile } : {}),
      },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

const ALL_ROUTES = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
  '/service-registry/findings': findingsRouteRef,
};

async function renderCard(
  entity: Entity,
  api: ServiceRegistryApi,
  options: {
    mountedRoutes?: Record<string, any>;
    props?: EntityServiceRegistryFindingsCardProps;
  } = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityServiceRegistryFindingsCard {...options.props} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: options.mountedRoutes ?? ALL_ROUTES },
  );
}

/** The degraded registry read from GitHub: findings link to their line. */
const fromGitHub = () =>
  findingsSnapshot({ scenario: 'degraded', rootLocation: GITHUB_ROOT });
/** The same registry read from a local directory: no links. */
const fromDisk = () => findingsSnapshot({ scenario: 'degraded' });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const local = fromDisk();
const missingRequired = findingOf(local, 'dependency/missing-required');
const missingOptional = findingOf(local, 'dependency/missing-optional');
const syntaxError = findingOf(local, 'toml/syntax');

const apiOf = (snapshot: ReturnType<typeof findingsSnapshot>) =>
  mockServiceRegistryApi({ getFindings: jest.fn(getFindingsFrom(snapshot)) });

const listItems = (name: string | RegExp) =>
  within(screen.getByRole('list', { name })).getAllByRole('listitem');

describe('EntityServiceRegistryFindingsCard', () => {
  it('shows progress while the findings load', async () => {
    await renderCard(
      component('checkout', 'projects/shop/services.toml'),
      mockServiceRegistryApi({ getFindings: () => new Promise(() => {}) }),
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByText('Registry findings')).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    await renderCard(
      component('checkout', 'projects/shop/services.toml'),
      mockServiceRegistryApi({
        getFindings: async () => {
          throw new Error('no snapshot of registry "default" yet');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the registry findings/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/no snapshot of registry "default" yet/).length,
    ).toBeGreaterThan(0);
  });

  it('says when the service has no findings, and asks the backend for this service and for the parse errors of its file', async () => {
    const api = apiOf(fromGitHub());
    await renderCard(component('auth', 'services/catalog.toml'), api);
    expect(
      await screen.findByText(
        "No findings: this service's registry entry is clean",
      ),
    ).toBeInTheDocument();
    expect(api.getFindings).toHaveBeenCalledWith(
      {
        registry: 'default',
        service: 'auth',
      },
      withSignal,
    );
    expect(api.getFindings).toHaveBeenCalledWith(
      {
        registry: 'default',
        file: 'services/catalog.toml',
        severity: 'error',
      },
      withSignal,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reads the registry from the annotation, and only asks for its own findings without a source file', async () => {
    const api = apiOf(findingsSnapshot({ providerId: 'staging' }));
    await renderCard(
      component('auth', undefined, { registry: 'staging' }),
      api,
    );
    await screen.findByText(
      "No findings: this service's registry entry is clean",
    );
    expect(api.getFindings).toHaveBeenCalledTimes(1);
    expect(api.getFindings).toHaveBeenCalledWith(
      {
        registry: 'staging',
        service: 'auth',
      },
      withSignal,
    );
    expect(
      screen.getByText('Validation of auth in the service registry "staging"'),
    ).toBeInTheDocument();
  });

  it('lists errors before warnings, with code, message, counts and a link to the line', async () => {
    await renderCard(
      component('checkout', 'projects/shop/services.toml'),
      apiOf(fromGitHub()),
    );
    const items = await screen.findAllByRole('listitem');
    expect(screen.getByText('1 error · 2 warnings')).toBeInTheDocument();
    const rows = listItems('Findings of checkout');
    expect(rows).toHaveLength(3);
    expect(
      rows.map(
        r => within(r).getAllByText(/^(error|warning|info)$/)[0].textContent,
      ),
    ).toEqual(['error', 'warning', 'warning']);
    expect(items[0]).toHaveTextContent('dependency/missing-required');
    expect(items[0]).toHaveTextContent(
      'Service "checkout" requires "inventory", which no registry file declares',
    );
    const location = within(items[0]).getByRole('link', {
      name: new RegExp(escape(whereOf(missingRequired))),
    });
    expect(location).toHaveAttribute('href', githubLineOf(missingRequired));
    expect(githubLineOf(missingRequired)).toMatch(
      /^https:\/\/github\.com\/acme\/service-registry\/tree\/main\/projects\/shop\/services\.toml#L\d+$/,
    );
    expect(rows[1]).toHaveTextContent('lifecycle/depends-on-deprecated');
    expect(rows[2]).toHaveTextContent('dependency/missing-optional');
    expect(within(rows[2]).getByRole('link')).toHaveAttribute(
      'href',
      githubLineOf(missingOptional),
    );
    // its file parses: the syntax error of another file is not this service's business
    expect(screen.queryByText(/does not parse/)).not.toBeInTheDocument();
    expect(screen.queryByText(/is not read/)).not.toBeInTheDocument();
  });

  it('titles the card with a heading, so that screen reader users can jump to it', async () => {
    await renderCard(
      component('checkout', 'projects/shop/services.toml'),
      apiOf(fromGitHub()),
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Registry findings',
        level: 2,
      }),
    ).toBeInTheDocument();
  });

  it.each([
    ['light', lightTheme],
    ['dark', darkTheme],
  ])(
    'writes each severity in a colour that reads on a card in the %s theme (WCAG AA)',
    (_name, theme) => {
      for (const severity of SEVERITIES) {
        for (const surface of cardSurfaces(theme)) {
          expect(
            contrastOn(severityTextColor(theme, severity), surface),
          ).toBeGreaterThanOrEqual(TEXT_CONTRAST);
        }
      }
    },
  );

  it('says "no findings" in a colour that reads on the card (WCAG AA)', async () => {
    await renderCard(
      component('auth', 'services/catalog.toml'),
      apiOf(fromGitHub()),
    );
    const clean = await screen.findByText(
      "No findings: this service's registry entry is clean",
    );
    expect(lowestTextContrast(clean)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it('shows the location as plain text when the registry is not read from a URL', async () => {
    await renderCard(
      component('checkout', 'projects/shop/services.toml'),
      apiOf(fromDisk()),
    );
    await screen.findByText('1 error · 2 warnings');
    const rows = listItems('Findings of checkout');
    expect(rows[0]).toHaveTextContent(whereOf(missingRequired));
    for (const row of rows) {
      expect(within(row).queryByRole('link')).not.toBeInTheDocument();
    }
  });

  it('shows info findings after the errors, capping the list with the counts of all', async () => {
    const dense = findingsSnapshot({ scenario: 'denseCycle' });
    // the validator lists a bounded number of cycles, all entering the mesh at mesh-a
    const errors = dense.findings.filter(
      f => f.service === 'mesh-a' && f.severity === 'error',
    ).length;
    expect(errors).toBeGreaterThan(20);
    await renderCard(
      component('mesh-a', 'services/catalog.toml'),
      apiOf(dense),
    );
    expect(
      await screen.findByText(`${errors} errors · 1 info`),
    ).toBeInTheDocument();
    expect(listItems('Findings of mesh-a')).toHaveLength(20);
    expect(
      screen.getByText(`… and ${errors + 1 - 20} more`),
    ).toBeInTheDocument();

    await renderCard(
      component('mesh-a', 'services/catalog.toml'),
      apiOf(dense),
      { props: { maxItems: 1000 } },
    );
    const lists = await screen.findAllByRole('list', {
      name: 'Findings of mesh-a',
    });
    const rows = within(lists[lists.length - 1]).getAllByRole('listitem');
    expect(rows).toHaveLength(errors + 1);
    expect(rows[0]).toHaveTextContent('errordependency/cycle');
    expect(rows[errors]).toHaveTextContent('infodependency/cycle-limit');
    expect(rows[errors]).toHaveTextContent(
      'depend on each other so densely that only some of their cycles are listed',
    );
  });

  it('shows the parse error of the file that declares the service, with a link to the line', async () => {
    await renderCard(component('payments', BROKEN_FILE), apiOf(fromGitHub()));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This file does not parse; the catalog shows its last good version',
    );
    expect(alert).toHaveTextContent(
      `${BROKEN_FILE} declares payments. Until its syntax is fixed`,
    );
    const [parseError] = listItems(`Parse errors of ${BROKEN_FILE}`);
    expect(parseError).toHaveTextContent('errortoml/syntax');
    expect(parseError).toHaveTextContent(`${BROKEN_FILE} is not valid TOML`);
    expect(
      within(parseError).getByRole('link', {
        name: new RegExp(escape(whereOf(syntaxError))),
      }),
    ).toHaveAttribute('href', githubLineOf(syntaxError));
    expect(syntaxError.file).toBe(BROKEN_FILE);
    expect(
      screen.getByText(
        'No other findings: the last good registry entry of payments is clean',
      ),
    ).toBeInTheDocument();
  });

  it('says the file that declares the service is not read because it is above the size limit, not that it does not parse', async () => {
    const snapshot = findingsSnapshot({
      scenario: 'tooLarge',
      rootLocation: GITHUB_ROOT,
    });
    const tooLarge = findingOf(snapshot, 'toml/file-too-large');
    await renderCard(component('payments', BROKEN_FILE), apiOf(snapshot));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      `${BROKEN_FILE} is not read: it is above the size limit for a registry file; the catalog shows its last good version`,
    );
    expect(alert).toHaveTextContent(
      `${BROKEN_FILE} declares payments. Until it is back under the limit (split or shrink it), the catalog and the findings below come from its last good version.`,
    );
    expect(alert).not.toHaveTextContent(/does not parse|syntax/);
    const [error] = listItems(`Why ${BROKEN_FILE} is not read`);
    expect(error).toHaveTextContent('errortoml/file-too-large');
    expect(error).toHaveTextContent(
      `${BROKEN_FILE} was not read: it is 40 MiB (41943040 bytes), above the limit of 16 MiB (16777216 bytes)`,
    );
    expect(
      within(error).getByRole('link', {
        name: new RegExp(escape(whereOf(tooLarge))),
      }),
    ).toHaveAttribute('href', githubLineOf(tooLarge));
    expect(
      screen.getByText(
        'No other findings: the last good registry entry of payments is clean',
      ),
    ).toBeInTheDocument();
  });

  it('links to the findings page when the app mounts it', async () => {
    await renderCard(
      component('auth', 'services/catalog.toml'),
      apiOf(fromDisk()),
    );
    await screen.findByText(
      "No findings: this service's registry entry is clean",
    );
    expect(
      screen.getByRole('link', { name: /All registry findings/ }),
    ).toHaveAttribute('href', '/service-registry/findings');
  });

  it('links to the findings page of its own registry (?registry=)', async () => {
    await renderCard(
      component('auth', 'services/catalog.toml', { registry: 'staging' }),
      apiOf(fromDisk()),
    );
    await screen.findByText(
      "No findings: this service's registry entry is clean",
    );
    expect(
      screen.getByRole('link', { name: /All registry findings/ }),
    ).toHaveAttribute('href', '/service-registry/findings?registry=staging');
  });

  it('renders without the link when the findings page is not mounted, or when asked', async () => {
    await renderCard(
      component('checkout', 'projects/shop/services.toml'),
      apiOf(fromDisk()),
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('1 error · 2 warnings')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /All registry findings/ }),
    ).not.toBeInTheDocument();

    await renderCard(
      component('auth', 'services/catalog.toml'),
      apiOf(fromDisk()),
      {
        props: { showFindingsPageLink: false, title: 'Validation' },
      },
    );
    expect(await screen.findByText('Validation')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /All registry findings/ }),
    ).not.toBeInTheDocument();
  });

  it('says when the entity is not a component, without asking the backend', async () => {
    const api = apiOf(fromDisk());
    await renderCard(component('checkout', undefined, { kind: 'API' }), api);
    expect(
      await screen.findByText('Not a registry service'),
    ).toBeInTheDocument();
    expect(api.getFindings).not.toHaveBeenCalled();
  });
});

describe('EntityServiceRegistryFindingsCard: a Component an entity transformer renamed', () => {
  it('asks the backend for the findings of the registry id of its service-id annotation, not of its name', async () => {
    const getFindings = jest.fn(() => new Promise<never>(() => {}));
    await renderCard(
      renamedComponent(),
      mockServiceRegistryApi({ getFindings }),
    );
    await waitFor(() =>
      expect(getFindings).toHaveBeenCalledWith(
        { registry: 'default', service: 'shop-api' },
        withSignal,
      ),
    );
    expect(getFindings).toHaveBeenCalledTimes(1);
  });
});
