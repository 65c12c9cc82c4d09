import { screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import { DeprecationHistoryPoint } from '../../api/types';
import {
  deprecationDetail,
  REPLACEMENT_CHAINS,
} from '../../testUtils/deprecationFixture';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { namesakeDeprecationDetail } from '../../testUtils/namesakeRegistry';
import { EntityServiceMigrationCard } from './EntityServiceMigrationCard';
import { isServiceRegistryDeprecated } from './conditions';
import { fillContrast, lowestTextContrast } from '../../testUtils/textContrast';
import { TEXT_CONTRAST } from '../contrast';
import {
  HELD_BACK_MESSAGE,
  heldBackError,
  unknownRegistry,
} from '../../testUtils/backendError';
import { withSignal } from '../../testUtils/withSignal';
import { renamedComponent } from '../../testUtils/renamedComponent';
import { registryComponent } from '../../testUtils/registryEntity';

/** The Component of a deprecated registry service, as the catalog provider emits it. */
function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return registryComponent(name, {
    lifecycle: 'deprecated',
    annotations: { 'service-registry.io/status': 'deprecated', ...annotations },
  });
}

/** An api answering `getDeprecation` from the fixture registry. */
function fixtureApi(history?: DeprecationHistoryPoint[]) {
  return mockServiceRegistryApi({
    getDeprecation: jest.fn(async (service: string) =>
      deprecationDetail(service, history),
    ),
  });
}

/** An api answering `getDeprecation` from the fixture registry with its replacement chains. */
function chainsApi() {
  return mockServiceRegistryApi({
    getDeprecation: jest.fn(async (service: string) =>
      deprecationDetail(service, [], undefined, REPLACEMENT_CHAINS),
    ),
  });
}

async function renderCard(
  entity: Entity,
  api: ServiceRegistryApi = fixtureApi(),
) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityServiceMigrationCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const chip = (label: string) =>
  screen.getByText(label, { selector: '.MuiChip-label' });

describe('EntityServiceMigrationCard', () => {
  it('shows progress while the record loads', async () => {
    await renderCard(
      component('old-api'),
      mockServiceRegistryApi({ getDeprecation: () => new Promise(() => {}) }),
    );
    expect(screen.getByText('Migration')).toBeInTheDocument();
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    await renderCard(
      component('old-api'),
      mockServiceRegistryApi({
        getDeprecation: async () => {
          throw new Error('registry unavailable');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the migration status/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/registry unavailable/).length).toBeGreaterThan(
      0,
    );
  });

  it('says in one line that a service the backend does not find deprecated (404) has no migration', async () => {
    // new-api is ga in the fixture: the backend answers NotFoundError.
    const api = fixtureApi();
    await renderCard(component('new-api'), api);
    expect(await screen.findByText('Not deprecated')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The service registry "default" does not mark new-api as deprecated or retired, so there is no migration to follow.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
    expect(api.getDeprecation).toHaveBeenCalledWith(
      'new-api',
      { registry: 'default' },
      withSignal,
    );
  });

  it('says the same in one line for a service the registry does not declare (404)', async () => {
    // ghost is not in the fixture: the backend answers its noSuchService
    await renderCard(component('ghost'));
    expect(await screen.findByText('Not deprecated')).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('warns that a service the catalog holds back is held back, and why, not that it is not deprecated', async () => {
    const error = await heldBackError(
      '/api/service-registry/deprecations/cart',
    );
    await renderCard(
      component('cart'),
      mockServiceRegistryApi({
        getDeprecation: async () => {
          throw error;
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Held back by the catalog');
    expect(alert).toHaveTextContent(HELD_BACK_MESSAGE);
    expect(alert).toHaveClass('MuiAlert-standardWarning');
    expect(screen.queryByText('Not deprecated')).not.toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('shows the 404 of an unknown registry as an error, not as a service without migration', async () => {
    const error = await unknownRegistry(
      'old-id',
      '/api/service-registry/deprecations/old-api?registry=old-id',
    );
    await renderCard(
      component('old-api', { 'service-registry.io/registry-id': 'old-id' }),
      mockServiceRegistryApi({
        getDeprecation: async () => {
          throw error;
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the migration status/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/no registry "old-id"/).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByText('Not deprecated')).not.toBeInTheDocument();
  });

  it('names no registry for an entity without a registry annotation, or with an empty one', async () => {
    const api = fixtureApi();
    const without = component('old-api');
    delete without.metadata.annotations!['service-registry.io/registry-id'];
    await renderCard(without, api);
    await renderCard(
      component('old-api', { 'service-registry.io/registry-id': '' }),
      api,
    );
    expect(await screen.findAllByText('Overdue')).not.toHaveLength(0);
    expect(
      jest.mocked(api.getDeprecation).mock.calls.map(([, o]) => o),
    ).toEqual([{ registry: undefined }, { registry: undefined }]);
  });

  it('asks the registry of the annotation', async () => {
    const api = fixtureApi();
    await renderCard(
      component('old-api', { 'service-registry.io/registry-id': 'staging' }),
      api,
    );
    await screen.findByText('Overdue');
    expect(api.getDeprecation).toHaveBeenCalledWith(
      'old-api',
      { registry: 'staging' },
      withSignal,
    );
  });

  it('shows an overdue migration: dates, days overdue, replacement, guide, consumers and effort', async () => {
    await renderCard(component('old-api'));
    expect(await screen.findByText('Overdue')).toBeInTheDocument();
    expect(chip('Overdue')).toBeInTheDocument();
    expect(
      screen.getByText(
        'old-api is overdue: sunset on 2026-11-10, 12 days ago, and 3 services still depend on it. Consumers should migrate to "new-api".',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Deprecated on 2026-05-10 (196 days ago)'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Sunset on 2026-11-10/)).toBeInTheDocument();
    expect(screen.getByText('12 days overdue')).toBeInTheDocument();
    expect(screen.getByText('Supported until 2026-11-10')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'new-api' })).toHaveAttribute(
      'href',
      '/catalog/default/component/new-api',
    );
    expect(
      screen.getByRole('link', {
        name: /^https:\/\/wiki\.example\.com\/old-api-migration/,
      }),
    ).toHaveAttribute('href', 'https://wiki.example.com/old-api-migration');
    expect(screen.getByText('Difficulty: Easy')).toBeInTheDocument();
    expect(
      screen.getByText('Estimated remaining effort: 24 h'),
    ).toBeInTheDocument();
    expect(screen.getByText('3 consumers × 8 h')).toBeInTheDocument();

    expect(screen.getByText('Remaining consumers (3)')).toBeInTheDocument();
    const consumers = screen.getByRole('list', { name: 'Remaining consumers' });
    const items = within(consumers).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      'checkout Checkoutproject project-a · owner ecommerce-team · asks for ^1',
      'reporting Reportingproject project-c · owner data-team',
      'warehouse Warehouse Managementproject project-b · owner logistics-team',
    ]);
    expect(
      within(consumers).getByRole('link', { name: 'reporting' }),
    ).toHaveAttribute('href', '/catalog/default/component/reporting');
    expect(
      within(consumers).getByRole('link', { name: 'warehouse' }),
    ).toHaveAttribute('href', '/catalog/default/component/warehouse');
  });

  it('tells a global consumer apart from a consumer of the project named global', async () => {
    await renderCard(
      component('auth'),
      mockServiceRegistryApi({
        getDeprecation: jest.fn(async (service: string) =>
          namesakeDeprecationDetail(service),
        ),
      }),
    );
    const consumers = await screen.findByRole('list', {
      name: 'Remaining consumers',
    });
    expect(
      within(consumers)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual([
      'cron CronGlobal services · owner ops-team',
      'portal Portalproject global · owner portal-team',
      'web Webproject shop · owner shop-team',
    ]);
  });

  it('titles the card with a heading, and underlines the links inside its sentences', async () => {
    await renderCard(component('old-api'));
    expect(
      await screen.findByRole('heading', { name: 'Migration', level: 2 }),
    ).toBeInTheDocument();
    // "Replacement: new-api", "Migration guide: https://…": a link in a line of text shows as one
    // by more than its colour
    for (const link of [
      screen.getByRole('link', { name: 'new-api' }),
      screen.getByRole('link', { name: /^https:\/\/wiki\.example\.com/ }),
    ]) {
      expect(getComputedStyle(link).textDecoration).toContain('underline');
    }
  });

  it.each([
    ['old-api', 'Overdue', '12 days overdue'],
    ['pay-v2', 'At risk', '18 days left'],
    ['legacy-search', 'On track', '99 days left'],
    ['gone', 'Retired', '174 days overdue'],
  ])(
    'writes the status and the sunset of %s in colours that read (WCAG AA)',
    async (service, status, distance) => {
      await renderCard(component(service));
      const label = await screen.findByText(status, {
        selector: '.MuiChip-label',
      });
      expect(fillContrast(label.parentElement!)).toBeGreaterThanOrEqual(
        TEXT_CONTRAST,
      );
      expect(
        lowestTextContrast(screen.getByText(distance)),
      ).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    },
  );

  it('names a retired replacement as text, and the live end of its replacements to migrate to', async () => {
    // old-q is retired for mid-q, retired too, whose replacement new-q is ga
    await renderCard(
      component('old-q', { 'service-registry.io/status': 'retired' }),
      chainsApi(),
    );
    expect(
      await screen.findByText('Replacement:', { exact: false }),
    ).toHaveTextContent('Replacement: mid-q — itself retired');
    expect(
      screen.queryByRole('link', { name: 'mid-q' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Migrate to:', { exact: false })).toHaveTextContent(
      'Migrate to: new-q, the live end of its replacements',
    );
    expect(screen.getByRole('link', { name: 'new-q' })).toHaveAttribute(
      'href',
      '/catalog/default/component/new-q',
    );
    // its consumers are in the catalog: linked
    expect(screen.getByRole('link', { name: 'q-user' })).toHaveAttribute(
      'href',
      '/catalog/default/component/q-user',
    );
  });

  it('names the live end of the replacements past a deprecated replacement', async () => {
    await renderCard(component('mq-v1'), chainsApi());
    expect(
      await screen.findByText('Replacement:', { exact: false }),
    ).toHaveTextContent('Replacement: mq-v2 — itself deprecated');
    const migrateTo = screen.getByText('Migrate to:', { exact: false });
    expect(migrateTo).toHaveTextContent(
      'Migrate to: mq-v3, the live end of its replacements',
    );
    // mq-v3, which still requires mq-v1, is also among its consumers
    expect(
      within(migrateTo).getByRole('link', { name: 'mq-v3' }),
    ).toHaveAttribute('href', '/catalog/default/component/mq-v3');
  });

  it('says when the replacements reach no live service, and to ask the owners', async () => {
    await renderCard(component('loop-a'), chainsApi());
    expect(
      await screen.findByText('Migrate to:', { exact: false }),
    ).toHaveTextContent(
      'Migrate to: no live successor (its replacements reach no live service): ask the owners of loop-a (platform-team) where to migrate',
    );
  });

  it('says no more than the replacement when it is the live service to migrate to', async () => {
    await renderCard(component('old-api'));
    expect(
      await screen.findByText('Replacement:', { exact: false }),
    ).toHaveTextContent(/^Replacement: new-api \(New API\)$/);
    expect(
      screen.queryByText('Migrate to:', { exact: false }),
    ).not.toBeInTheDocument();
  });

  it('writes that the replacement is not declared in a colour that reads (WCAG AA)', async () => {
    await renderCard(component('vague'));
    const warning = await screen.findByText(/not declared in the registry/);
    expect(lowestTextContrast(warning)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it('shows an at-risk migration with the days left', async () => {
    await renderCard(component('pay-v2'));
    expect(await screen.findByText('At risk')).toBeInTheDocument();
    expect(screen.getByText('18 days left')).toBeInTheDocument();
    expect(screen.getByText('Difficulty: Hard')).toBeInTheDocument();
    expect(
      screen.getByText('Estimated remaining effort: 20 h'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 consumer × 20 h')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'pay-v3' })).toHaveAttribute(
      'href',
      '/catalog/default/component/pay-v3',
    );
    expect(screen.getByRole('link', { name: 'checkout' })).toBeInTheDocument();
  });

  it('shows an on-track migration, with optional consumers marked', async () => {
    await renderCard(component('legacy-search'));
    expect(await screen.findByText('On track')).toBeInTheDocument();
    expect(screen.getByText('99 days left')).toBeInTheDocument();
    expect(
      screen.getByText('Estimated remaining effort: 32 h'),
    ).toBeInTheDocument();
    const consumers = screen.getByRole('list', { name: 'Remaining consumers' });
    expect(
      within(consumers)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual([
      'warehouse Warehouse Managementproject project-b · owner logistics-team · asks for ^1.9',
      'shipping Shipping Serviceoptionalproject project-b · owner logistics-team',
    ]);
  });

  it('shows a retired service that still has consumers as Retired and overdue', async () => {
    await renderCard(
      component('gone', { 'service-registry.io/status': 'retired' }),
    );
    expect(await screen.findByText('Retired')).toBeInTheDocument();
    expect(screen.getByText('174 days overdue')).toBeInTheDocument();
    expect(screen.getByText('Lifecycle: retired')).toBeInTheDocument();
    expect(
      screen.getByText(
        'gone is retired but 1 service still depends on it. Consumers should migrate to "new-api".',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Migration guide:', { exact: false }),
    ).toHaveTextContent('Migration guide: none given');
    expect(
      screen.getByText('Estimated remaining effort: unknown'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'reporting' })).toBeInTheDocument();
  });

  it('shows a migration without a sunset date, and a replacement the registry does not declare', async () => {
    await renderCard(component('vague'));
    expect(await screen.findByText('No sunset date')).toBeInTheDocument();
    expect(screen.getByText('Migrate to:', { exact: false })).toHaveTextContent(
      'Migrate to: no live successor (its replacement ghost is not declared): ask the owners of vague (data-team) where to migrate',
    );
    expect(screen.getByText('no sunset date')).toBeInTheDocument();
    expect(
      screen.getByText(/not declared in the registry/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'ghost' }),
    ).not.toBeInTheDocument();
  });

  it('says when no consumers are left', async () => {
    await renderCard(component('done-svc'));
    expect(
      await screen.findByText('No consumers left: done-svc can be retired.'),
    ).toBeInTheDocument();
    expect(chip('No consumers left')).toBeInTheDocument();
    expect(screen.getByText('Remaining consumers (0)')).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Remaining consumers' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('Estimated remaining effort: 0 h'),
    ).toBeInTheDocument();
  });

  it('draws the burn-down from the history', async () => {
    await renderCard(component('old-api'));
    expect(
      await screen.findByRole('img', {
        name: 'Remaining consumers of old-api: 5 on 2026-10-01, 4 on 2026-10-25, 3 on 2026-11-22; sunset on 2026-11-10',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Not enough history yet'),
    ).not.toBeInTheDocument();
  });

  it('says when there is no history for a burn-down yet', async () => {
    await renderCard(component('old-api'), fixtureApi([]));
    expect(
      await screen.findByText('Not enough history yet'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('img', { name: /Remaining consumers/ }),
    ).not.toBeInTheDocument();
  });
});

describe('isServiceRegistryDeprecated', () => {
  it('is true for a deprecated or retired registry status only', () => {
    expect(isServiceRegistryDeprecated(component('a'))).toBe(true);
    expect(
      isServiceRegistryDeprecated(
        component('a', { 'service-registry.io/status': 'retired' }),
      ),
    ).toBe(true);
    expect(
      isServiceRegistryDeprecated(
        component('a', { 'service-registry.io/status': 'ga' }),
      ),
    ).toBe(false);
    const plain = component('a');
    plain.metadata.annotations = {};
    expect(isServiceRegistryDeprecated(plain)).toBe(false);
  });
});

describe('EntityServiceMigrationCard: a Component an entity transformer renamed', () => {
  it('asks the backend for the registry id of its service-id annotation, not for its name', async () => {
    const getDeprecation = jest.fn(() => new Promise<never>(() => {}));
    await renderCard(
      renamedComponent({ 'service-registry.io/status': 'deprecated' }),
      mockServiceRegistryApi({ getDeprecation }),
    );
    await waitFor(() =>
      expect(getDeprecation).toHaveBeenCalledWith(
        'shop-api',
        { registry: 'default' },
        withSignal,
      ),
    );
    expect(getDeprecation).toHaveBeenCalledTimes(1);
  });
});
