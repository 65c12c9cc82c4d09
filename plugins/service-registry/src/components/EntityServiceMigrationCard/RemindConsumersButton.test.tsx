import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { SWRConfig } from 'swr';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import { ReminderStatusResponse } from '../../api/types';
import { deprecationDetail } from '../../testUtils/deprecationFixture';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { EntityServiceMigrationCard } from './EntityServiceMigrationCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'old-api',
    annotations: {
      'service-registry.io/registry-id': 'default',
      'service-registry.io/status': 'deprecated',
    },
  },
  spec: { type: 'service', owner: 'team', lifecycle: 'deprecated' },
};

function status(
  overrides: Partial<ReminderStatusResponse> = {},
): ReminderStatusResponse {
  return {
    registry: 'default',
    service: 'old-api',
    last: null,
    canRemind: true,
    ...overrides,
  };
}

/** What the mock permission API answers: one result for all, or one per request. */
type PermissionDecision =
  | AuthorizeResult.ALLOW
  | AuthorizeResult.DENY
  | ((
      request: EvaluatePermissionRequest,
    ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY);

async function renderCard(
  api: Partial<ServiceRegistryApi>,
  authorize: PermissionDecision = AuthorizeResult.ALLOW,
) {
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          serviceRegistryApiRef,
          mockServiceRegistryApi({
            getDeprecation: async service => deprecationDetail(service),
            ...api,
          }),
        ],
        [permissionApiRef, mockApis.permission({ authorize })],
        [alertApiRef, alertApi],
      ]}
    >
      {/* usePermission caches decisions in SWR's global cache: each test starts afresh */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={entity}>
          <EntityServiceMigrationCard />
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { alertApi };
}

const button = () => screen.findByRole('button', { name: 'Remind consumers' });

describe('Remind consumers, on the migration card', () => {
  it('reminds the owners of the consumers, says so, and shows the reminder as the last one', async () => {
    let sent: ReminderStatusResponse['last'] = null;
    const remindConsumers = jest.fn(async () => {
      sent = { at: '2026-11-30T10:15:00.000Z', by: 'user:default/jane.doe' };
      return {
        registry: 'default',
        service: 'old-api',
        ...sent,
        notified: [
          { owner: '@shop-team', consumers: ['shop-api', 'shop-web'] },
          { owner: '@admin-team', consumers: ['shop-admin'] },
        ],
        deferred: ['new-svc'],
      };
    });
    const { alertApi } = await renderCard({
      getReminderStatus: async () =>
        status({ last: sent, canRemind: sent === null }),
      remindConsumers,
    });
    expect(
      await screen.findByText(/^No reminder sent yet/),
    ).toBeInTheDocument();
    // from the keyboard
    const remind = await button();
    act(() => remind.focus());
    await userEvent.keyboard('{Enter}');

    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message:
            'Reminded the owners of 3 consuming services of old-api (1 not in the catalog yet)',
          severity: 'success',
        }),
      ),
    );
    expect(remindConsumers).toHaveBeenCalledWith('old-api', {
      registry: 'default',
    });
    expect(
      await screen.findByText(
        'Last reminder 2026-11-30 by jane.doe (one reminder a day)',
      ),
    ).toBeInTheDocument();
    // once a day: the button does nothing more today, and says why; the focus stays on it
    expect(await button()).toHaveFocus();
    expect(await button()).toHaveAttribute('aria-disabled', 'true');
    expect(await button()).toHaveAccessibleDescription(
      'Last reminder 2026-11-30 by jane.doe (one reminder a day)',
    );
    await userEvent.keyboard('{Enter}');
    fireEvent.click(await button());
    expect(remindConsumers).toHaveBeenCalledTimes(1);
  });

  it('says why a reminder failed', async () => {
    const { alertApi } = await renderCard({
      getReminderStatus: async () => status(),
      remindConsumers: async () => {
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: {
                name: 'ConflictError',
                message: 'The consumers of old-api were reminded today already',
              },
              response: { statusCode: 409 },
            }),
            {
              status: 409,
              statusText: 'Conflict',
              headers: { 'content-type': 'application/json' },
            },
          ),
        );
      },
    });
    fireEvent.click(await button());
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          severity: 'error',
          message: expect.stringContaining(
            'The consumers of old-api were reminded today already',
          ),
        }),
      ),
    );
  });

  it('shows the last reminder but no button to users without the permission', async () => {
    await renderCard(
      {
        getReminderStatus: async () =>
          status({
            last: { at: '2026-11-20T08:00:00.000Z', by: 'user:default/ops' },
          }),
      },
      AuthorizeResult.DENY,
    );
    expect(
      await screen.findByText('Last reminder 2026-11-20 by ops'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Remind consumers' }),
    ).not.toBeInTheDocument();
  });

  it('asks the permission on the entity of the page: no button for a user the policy lets remind only other services', async () => {
    const asked: EvaluatePermissionRequest[] = [];
    const onlyOn = (ref: string) => (request: EvaluatePermissionRequest) => {
      asked.push(request);
      return 'resourceRef' in request && request.resourceRef === ref
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY;
    };
    await renderCard(
      {
        getReminderStatus: async () =>
          status({
            last: { at: '2026-11-20T08:00:00.000Z', by: 'user:default/ops' },
          }),
      },
      onlyOn('component:default/other-api'),
    );
    expect(
      await screen.findByText('Last reminder 2026-11-20 by ops'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(asked).toContainEqual(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'service-registry.deprecation.remind',
          }),
          resourceRef: 'component:default/old-api',
        }),
      ),
    );
    expect(
      screen.queryByRole('button', { name: 'Remind consumers' }),
    ).not.toBeInTheDocument();
  });

  it('shows the button to a user the policy lets remind this service', async () => {
    await renderCard({ getReminderStatus: async () => status() }, request =>
      'resourceRef' in request &&
      request.resourceRef === 'component:default/old-api'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    );
    expect(await button()).toHaveAttribute('aria-disabled', 'false');
  });

  it('offers nothing when the portal has no reminders (no notifications module)', async () => {
    const getReminderStatus = jest.fn(async () => undefined);
    await renderCard({ getReminderStatus });
    expect(
      await screen.findByRole('list', { name: 'Remaining consumers' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(getReminderStatus).toHaveBeenCalled());
    expect(screen.queryByText(/reminder/i)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Remind consumers' }),
    ).not.toBeInTheDocument();
  });
});
