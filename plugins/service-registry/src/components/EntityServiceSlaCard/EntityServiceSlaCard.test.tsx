import { screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { serviceSlaResponse } from '../../testUtils/slaFixture';
import { EntityServiceSlaCard } from './EntityServiceSlaCard';
import {
  HELD_BACK_MESSAGE,
  heldBackError,
  notFound,
  unknownRegistry,
} from '../../testUtils/backendError';
import { withSignal } from '../../testUtils/withSignal';
import { renamedComponent } from '../../testUtils/renamedComponent';
import { pretendScreenWidth } from '../../testUtils/screenWidth';
import { definitionsOf } from '../../testUtils/definitions';

function component(name: string, registry?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: registry
        ? { 'service-registry.io/registry-id': registry }
        : {},
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

/** An API answering from the SLA fixture registry (built with the real evaluateSla). */
function fixtureApi(): ServiceRegistryApi {
  return mockServiceRegistryApi({
    getServiceSla: jest.fn(async (id: string) => serviceSlaResponse(id)),
  });
}

async function renderCard(
  entity: Entity,
  api: ServiceRegistryApi,
  title?: string,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityServiceSlaCard title={title} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The text of each row of the targets table, header first. */
function targetRows(): string[] {
  return within(screen.getByRole('table', { name: 'SLA targets' }))
    .getAllByRole('row')
    .map(row => row.textContent ?? '');
}

const findSummary = () =>
  screen.findByRole('region', { name: 'SLA compliance' });

const downtime = () =>
  screen.getByRole('region', { name: 'Allowed downtime per 30 days' });

function notFoundError() {
  return notFound(
    'no service "ghost" in registry "default"',
    '/api/service-registry/sla/ghost',
  );
}

describe('EntityServiceSlaCard', () => {
  it('shows progress while the SLA loads', async () => {
    await renderCard(
      component('payments'),
      mockServiceRegistryApi({ getServiceSla: () => new Promise(() => {}) }),
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByText('SLA')).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    await renderCard(
      component('payments'),
      mockServiceRegistryApi({
        getServiceSla: async () => {
          throw new Error('no snapshot of registry "default" yet');
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the SLA of payments');
    expect(alert).toHaveTextContent('no snapshot of registry "default" yet');
  });

  it('says when the registry does not declare the service (404)', async () => {
    const error = await notFoundError();
    const api = mockServiceRegistryApi({
      getServiceSla: async () => {
        throw error;
      },
    });
    await renderCard(component('ghost', 'default'), api);
    expect(
      await screen.findByText('Not in the service registry'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Registry "default" does not declare "ghost", so it has no SLA to show.',
      ),
    ).toBeInTheDocument();

    // an entity that names no registry: the one the backend answers
    await renderCard(component('ghost'), api);
    expect(
      await screen.findByText(
        'The service registry does not declare "ghost", so it has no SLA to show.',
      ),
    ).toBeInTheDocument();
  });

  it('warns that a service the catalog holds back is held back, and why, not that the registry lacks it', async () => {
    const error = await heldBackError('/api/service-registry/sla/cart');
    await renderCard(
      component('cart', 'default'),
      mockServiceRegistryApi({
        getServiceSla: async () => {
          throw error;
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Held back by the catalog');
    expect(alert).toHaveTextContent(HELD_BACK_MESSAGE);
    expect(alert).toHaveClass('MuiAlert-standardWarning');
    expect(
      screen.queryByText('Not in the service registry'),
    ).not.toBeInTheDocument();
  });

  it('shows the 404 of an unknown registry as an error, not as a service it lacks', async () => {
    const error = await unknownRegistry(
      'old-id',
      '/api/service-registry/sla/payments?registry=old-id',
    );
    await renderCard(
      component('payments', 'old-id'),
      mockServiceRegistryApi({
        getServiceSla: async () => {
          throw error;
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the SLA of payments');
    expect(alert).toHaveTextContent('no registry "old-id"');
    expect(
      screen.queryByText('Not in the service registry'),
    ).not.toBeInTheDocument();
  });

  it('puts each gap of a non-compliant service in words, next to the critical policy and the downtimes', async () => {
    const api = fixtureApi();
    await renderCard(component('payments', 'default'), api);
    expect(await findSummary()).toHaveTextContent('Not compliant');
    expect(api.getServiceSla).toHaveBeenCalledWith(
      'payments',
      { registry: 'default' },
      withSignal,
    );
    expect(
      screen.getByText('3 targets below the critical tier policy, 1 missing.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Tier: critical, declared on the service'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('4 gaps against the critical tier policy'),
    ).toBeInTheDocument();
    const gaps = within(screen.getByRole('list', { name: 'SLA gaps' }))
      .getAllByRole('listitem')
      .map(item => item.textContent);
    expect(gaps).toEqual([
      'availability 99.9% declared, critical tier requires 99.99%',
      'response_time_p99 1.5s declared, critical tier requires 100ms',
      'no rpo declared, critical tier requires 1m',
      'support_hours "business" declared, critical tier requires "24/7"',
    ]);
    // p95 and the error rate are neither declared nor required: no row.
    expect(targetRows()).toEqual([
      'TargetDeclaredcritical tier policyResult',
      'Availability99.9%99.99%Below policy',
      'Response time p5020msnot setNot in policy',
      'Response time p991.5s100msBelow policy',
      'Recovery time objective (RTO)5m5mMeets policy',
      'Recovery point objective (RPO)not declared1mMissing',
      'Support hoursbusiness24/7Below policy',
      'Break handlinggracefulgracefulMeets policy',
    ]);
    expect(downtime()).toHaveTextContent(
      '43.2 min declared (99.9% availability)',
    );
    expect(downtime()).toHaveTextContent(
      '4.3 min allowed by the critical tier (99.99% availability)',
    );
    expect(
      screen.getByText('Declared in services/catalog.toml:21'),
    ).toBeInTheDocument();
  });

  it('shows a compliant service without gaps', async () => {
    await renderCard(component('auth'), fixtureApi());
    expect(await screen.findByText('Compliant')).toBeInTheDocument();
    expect(
      screen.getByText('Meets every target of the critical tier policy.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'SLA gaps' }),
    ).not.toBeInTheDocument();
    expect(targetRows()).toEqual([
      'TargetDeclaredcritical tier policyResult',
      'Availability99.995%99.99%Meets policy',
      'Response time p5010msnot setNot in policy',
      'Response time p9980ms100msMeets policy',
      'Error rate0.1%not setNot in policy',
      'Recovery time objective (RTO)5m5mMeets policy',
      'Recovery point objective (RPO)30s1mMeets policy',
      'Support hours24/724/7Meets policy',
      'Break handlinggracefulgracefulMeets policy',
    ]);
    expect(downtime()).toHaveTextContent(
      '2.2 min declared (99.995% availability)',
    );
  });

  it('titles the card with a heading, so that screen reader users can jump to it', async () => {
    await renderCard(component('auth'), fixtureApi());
    expect(
      await screen.findByRole('heading', { name: 'SLA', level: 2 }),
    ).toBeInTheDocument();
  });

  it("says a project's service declares its tier itself when it does, and both ways when the backend does not tell", async () => {
    await renderCard(component('shop-admin'), fixtureApi());
    await findSummary();
    expect(
      screen.getByText('Tier: critical, declared on the service'),
    ).toBeInTheDocument();

    // a backend older than `tierSource`
    const current = serviceSlaResponse('shop-admin');
    const { tierSource, ...evaluation } = current.evaluation;
    expect(tierSource).toBe('service');
    await renderCard(
      component('shop-admin'),
      mockServiceRegistryApi({
        getServiceSla: jest.fn(async () => ({ ...current, evaluation })),
      }),
    );
    expect(
      await screen.findByText(
        'Tier: critical, declared on the service or inherited from project shop',
      ),
    ).toBeInTheDocument();
  });

  it('says the tier is inherited from the project, and marks missing targets as incomplete', async () => {
    await renderCard(component('shop-cart'), fixtureApi(), 'Service levels');
    expect(await screen.findByText('Incomplete')).toBeInTheDocument();
    expect(screen.getByText('Service levels')).toBeInTheDocument();
    expect(
      screen.getByText('Tier: high, inherited from project shop'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Nothing is below the high tier policy, but 2 targets it sets are not declared.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'SLA gaps' })).toHaveTextContent(
      'no support_hours declared, high tier requires "business"',
    );
    expect(downtime()).toHaveTextContent(
      '43.2 min declared (99.9% availability)',
    );
    expect(downtime()).toHaveTextContent(
      '43.2 min allowed by the high tier (99.9% availability)',
    );
  });

  it('says when the service declares no SLA section, with what its tier requires', async () => {
    await renderCard(component('shop-search'), fixtureApi());
    const noSla = await screen.findByText('No SLA declared');
    expect(noSla.parentElement).toHaveTextContent(
      'Shop Search has no [service.shop-search.sla] table in the registry. Its high tier policy requires the targets below.',
    );
    expect(screen.getByRole('list', { name: 'SLA gaps' })).toHaveTextContent(
      'no availability declared, high tier requires 99.9%',
    );
    expect(targetRows()).toEqual([
      'TargetDeclaredhigh tier policyResult',
      'Availabilitynot declared99.9%Missing',
      'Response time p99not declared200msMissing',
      'Support hoursnot declaredbusinessMissing',
    ]);
    expect(downtime()).toHaveTextContent('none declared (no availability)');
    expect(downtime()).toHaveTextContent(
      '43.2 min allowed by the high tier (99.9% availability)',
    );
  });

  it('says when the tier has no policy: declared targets are shown, not checked', async () => {
    await renderCard(component('reports'), fixtureApi());
    expect(await findSummary()).toHaveTextContent('No policy');
    expect(
      screen.getByText(
        'The registry has no SLA policy for the medium tier: the declared targets are not checked.',
      ),
    ).toBeInTheDocument();
    expect(targetRows()).toEqual([
      'TargetDeclaredTier policyResult',
      'Availability99%not setNo policy',
    ]);
    expect(
      screen.queryByRole('list', { name: 'SLA gaps' }),
    ).not.toBeInTheDocument();
    expect(downtime()).toHaveTextContent(
      '7 h 12 min declared (99% availability)',
    );
    expect(downtime()).not.toHaveTextContent('allowed by');
  });

  it('says when the service has neither a tier nor an SLA', async () => {
    await renderCard(component('notifier'), fixtureApi());
    expect(await findSummary()).toHaveTextContent('No policy');
    expect(screen.getByText('Tier: none')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The service has no tier, neither its own nor its project’s: no SLA policy applies.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('No SLA declared')).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'SLA targets' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Allowed downtime per 30 days' }),
    ).not.toBeInTheDocument();
  });

  it('names no registry for an entity without a registry annotation, or with an empty one', async () => {
    const api = fixtureApi();
    const empty = component('auth');
    empty.metadata.annotations = { 'service-registry.io/registry-id': '' };
    await renderCard(component('auth'), api);
    await renderCard(empty, api);
    expect(await screen.findAllByText('Compliant')).toHaveLength(2);
    expect(jest.mocked(api.getServiceSla).mock.calls.map(([, o]) => o)).toEqual(
      [{ registry: undefined }, { registry: undefined }],
    );
  });

  it('asks the registry of the entity annotation', async () => {
    const api = mockServiceRegistryApi({
      getServiceSla: jest.fn(async () => ({
        ...serviceSlaResponse('auth'),
        registry: 'staging',
      })),
    });
    await renderCard(component('auth', 'staging'), api);
    expect(await screen.findByText('Compliant')).toBeInTheDocument();
    expect(api.getServiceSla).toHaveBeenCalledWith(
      'auth',
      { registry: 'staging' },
      withSignal,
    );
  });
});

describe('EntityServiceSlaCard: a Component an entity transformer renamed', () => {
  it('asks the backend for the registry id of its service-id annotation, not for its name', async () => {
    const getServiceSla = jest.fn(() => new Promise<never>(() => {}));
    await renderCard(
      renamedComponent(),
      mockServiceRegistryApi({ getServiceSla }),
    );
    await waitFor(() =>
      expect(getServiceSla).toHaveBeenCalledWith(
        'shop-api',
        { registry: 'default' },
        withSignal,
      ),
    );
    expect(getServiceSla).not.toHaveBeenCalledWith(
      'acme-shop-api',
      expect.anything(),
      expect.anything(),
    );
  });
});

describe('EntityServiceSlaCard on a phone', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = pretendScreenWidth(390);
  });
  afterEach(() => restore());

  it('lists each target with its result on the first line and the declared and required values below, instead of a table whose result column scrolled out of sight', async () => {
    await renderCard(component('payments', 'default'), fixtureApi());
    await findSummary();
    expect(
      screen.queryByRole('table', { name: 'SLA targets' }),
    ).not.toBeInTheDocument();
    const entries = within(
      screen.getByRole('list', { name: 'SLA targets' }),
    ).getAllByRole('listitem');
    // the same targets as the table's rows, in the same order
    expect(entries.map(entry => entry.querySelector('p')?.textContent)).toEqual(
      [
        'Availability',
        'Response time p50',
        'Response time p99',
        'Recovery time objective (RTO)',
        'Recovery point objective (RPO)',
        'Support hours',
        'Break handling',
      ],
    );
    expect(entries[0]).toHaveTextContent(/^Availability\s*Below policy/);
    expect(definitionsOf(entries[0])).toEqual({
      Declared: '99.9%',
      'critical tier policy': '99.99%',
    });
    expect(entries[1]).toHaveTextContent('Not in policy');
    expect(definitionsOf(entries[1])).toEqual({
      Declared: '20ms',
      'critical tier policy': 'not set',
    });
    expect(entries[4]).toHaveTextContent('Missing');
    expect(definitionsOf(entries[4])).toEqual({
      Declared: 'not declared',
      'critical tier policy': '1m',
    });
    // the gaps and the downtime are still there
    expect(
      screen.getByText('4 gaps against the critical tier policy'),
    ).toBeInTheDocument();
    expect(downtime()).toHaveTextContent('43.2 min declared');
  });

  it('names the policy column "Tier policy" when the tier has none, and says each target is not checked', async () => {
    await renderCard(component('reports'), fixtureApi());
    await findSummary();
    const entries = within(
      screen.getByRole('list', { name: 'SLA targets' }),
    ).getAllByRole('listitem');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toHaveTextContent(/^Availability\s*No policy/);
    expect(definitionsOf(entries[0])).toEqual({
      Declared: '99%',
      'Tier policy': 'not set',
    });
  });
});
