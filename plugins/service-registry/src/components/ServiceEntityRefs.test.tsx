import { useState } from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  ServiceEntityRefsProvider,
  useServiceEntityRef,
} from './ServiceEntityRefs';
import { ServiceLink } from './ServiceLink';
import { ProjectSystemLink } from './EntitySystemServiceRegistryCard/ProjectSystemLink';
import { withCatalogApi } from '../__testUtils__/withCatalogApi';

function renamed(serviceId: string, registry = 'default'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `acme-${serviceId}`,
      annotations: {
        'service-registry.io/registry-id': registry,
        'service-registry.io/service-id': serviceId,
      },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

function renamedSystem(project: string, namespace: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: `${project}-system`,
      namespace,
      annotations: {
        'service-registry.io/registry-id': 'default',
        'service-registry.io/project': project,
      },
    },
    spec: { owner: 'team' },
  };
}

/** Links to services, and a button that shows more of them. */
function Links(props: { first: string[]; more: string[] }) {
  const [shown, setShown] = useState(props.first);
  return (
    <>
      {shown.map(id => (
        <ServiceLink key={id} service={id} status="ga" />
      ))}
      <button onClick={() => setShown([...props.first, ...props.more])}>
        more
      </button>
    </>
  );
}

const href = (name: string) =>
  screen.getByRole('link', { name }).getAttribute('href');

async function render(
  catalogApi: typeof catalogApiRef.T | undefined,
  content: JSX.Element,
) {
  return renderInTestApp(withCatalogApi(content, catalogApi), {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('ServiceEntityRefsProvider', () => {
  it('looks up the services of all the links it holds in one request, and only new ones after', async () => {
    const catalogApi = catalogApiMock({
      entities: ['a', 'b', 'c', 'd'].map(id => renamed(id)),
    });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    await render(
      catalogApi,
      <ServiceEntityRefsProvider registry="default">
        <Links first={['a', 'b', 'x']} more={['c']} />
        <Links first={['a', 'd']} more={[]} />
      </ServiceEntityRefsProvider>,
    );
    await waitFor(() =>
      expect(screen.getAllByRole('link', { name: 'a' })[0]).toHaveAttribute(
        'href',
        '/catalog/default/component/acme-a',
      ),
    );
    expect(href('b')).toBe('/catalog/default/component/acme-b');
    expect(href('d')).toBe('/catalog/default/component/acme-d');
    expect(href('x')).toBe('/catalog/default/component/x');
    expect(getEntities).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getAllByRole('button', { name: 'more' })[0]);
    await waitFor(() =>
      expect(href('c')).toBe('/catalog/default/component/acme-c'),
    );
    expect(getEntities).toHaveBeenCalledTimes(2);
    const asked = getEntities.mock.calls[1][0]!.filter as Record<
      string,
      unknown
    >;
    expect(
      asked['metadata.annotations.service-registry.io/service-id'],
    ).toEqual(['c']);
  });

  it("links to the provider's name while the catalog answers, when it fails, and without a catalog API", async () => {
    let fail: (error: Error) => void = () => {};
    const catalogApi = catalogApiMock.mock({
      getEntities: jest.fn(
        () =>
          new Promise<never>((_, reject) => {
            fail = reject;
          }),
      ),
    });
    await render(
      catalogApi,
      <ServiceEntityRefsProvider registry="default">
        <ServiceLink service="a" status="ga" />
      </ServiceEntityRefsProvider>,
    );
    await waitFor(() => expect(catalogApi.getEntities).toHaveBeenCalled());
    expect(href('a')).toBe('/catalog/default/component/a');
    await act(async () => fail(new Error('catalog down')));
    expect(href('a')).toBe('/catalog/default/component/a');

    await render(
      undefined,
      <ServiceEntityRefsProvider registry="default">
        <ServiceLink service="b" status="ga" />
      </ServiceEntityRefsProvider>,
    );
    expect(href('b')).toBe('/catalog/default/component/b');
  });

  it('renders the links shown on demand once, with their own names, when the app has no catalog API', async () => {
    let renders = 0;
    function CountedLink(props: { service: string }) {
      const refOf = useServiceEntityRef();
      renders++;
      return <span>{`${props.service}: ${refOf(props.service).name}`}</span>;
    }
    function ShowMore() {
      const [more, setMore] = useState(false);
      return (
        <>
          <CountedLink service="a" />
          {more && <CountedLink service="b" />}
          <button onClick={() => setMore(true)}>more</button>
        </>
      );
    }
    await render(
      undefined,
      <ServiceEntityRefsProvider registry="default">
        <ShowMore />
      </ServiceEntityRefsProvider>,
    );
    const beforeClick = renders;
    fireEvent.click(screen.getByRole('button', { name: 'more' }));
    expect(screen.getByText('b: b')).toBeInTheDocument();
    // the two links, once each: nothing to ask, so no lookup settles later to render them again
    await act(() => new Promise(resolve => setTimeout(resolve, 50)));
    expect(renders - beforeClick).toBe(2);
  });

  it('asks again when the registry changes, and takes only its Components', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        renamed('a'),
        {
          ...renamed('a', 'other'),
          metadata: { ...renamed('a', 'other').metadata, name: 'other-a' },
        },
      ],
    });
    function Switch() {
      const [registry, setRegistry] = useState('default');
      return (
        <>
          <button onClick={() => setRegistry('other')}>other</button>
          <ServiceEntityRefsProvider registry={registry}>
            <ServiceLink service="a" status="ga" />
          </ServiceEntityRefsProvider>
        </>
      );
    }
    await render(catalogApi, <Switch />);
    await waitFor(() =>
      expect(href('a')).toBe('/catalog/default/component/acme-a'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'other' }));
    await waitFor(() =>
      expect(href('a')).toBe('/catalog/default/component/other-a'),
    );
  });

  it('links every service to its own name outside a provider', async () => {
    const catalogApi = catalogApiMock({ entities: [renamed('a')] });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    await render(catalogApi, <ServiceLink service="a" status="ga" />);
    expect(href('a')).toBe('/catalog/default/component/a');
    expect(getEntities).not.toHaveBeenCalled();
  });

  it("looks up the projects' Systems and the shared System together with the services", async () => {
    const catalogApi = catalogApiMock({
      entities: [
        renamed('a'),
        renamedSystem('shop', 'platform'),
        // the shared System, renamed: found by the name the provider gave it
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: {
            name: 'acme-globals',
            annotations: {
              'service-registry.io/registry-id': 'default',
              'service-registry.io/shared-system': 'shared',
            },
          },
          spec: { owner: 'team' },
        },
      ],
    });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    await render(
      catalogApi,
      <ServiceEntityRefsProvider registry="default">
        <ServiceLink service="a" status="ga" />
        <ProjectSystemLink
          project="shop"
          name="Web Shop"
          sharedSystem="shared"
        />
        <ProjectSystemLink project="crm" sharedSystem="shared" />
        <ProjectSystemLink project={null} sharedSystem="shared" />
      </ServiceEntityRefsProvider>,
    );
    await waitFor(() =>
      expect(href('Web Shop')).toBe('/catalog/platform/system/shop-system'),
    );
    expect(href('a')).toBe('/catalog/default/component/acme-a');
    expect(href('crm')).toBe('/catalog/default/system/crm');
    expect(href('Global services')).toBe(
      '/catalog/default/system/acme-globals',
    );
    // one request for each kind of link, started together
    expect(getEntities.mock.calls.map(([request]) => request!.filter)).toEqual([
      expect.objectContaining({
        kind: 'Component',
        'metadata.annotations.service-registry.io/service-id': ['a'],
      }),
      expect.objectContaining({
        kind: 'System',
        'metadata.annotations.service-registry.io/project': ['shop', 'crm'],
      }),
      expect.objectContaining({
        kind: 'System',
        'metadata.annotations.service-registry.io/shared-system': ['shared'],
      }),
    ]);
  });

  it('links the global services to the shared System by its name until the catalog has it marked', async () => {
    // a shared System ingested before the provider marked it
    const catalogApi = catalogApiMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: {
            name: 'shared',
            annotations: { 'service-registry.io/registry-id': 'default' },
          },
          spec: { owner: 'team' },
        },
      ],
    });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    await render(
      catalogApi,
      <ServiceEntityRefsProvider registry="default">
        <ProjectSystemLink project={null} sharedSystem="shared" />
      </ServiceEntityRefsProvider>,
    );
    await waitFor(() => expect(getEntities).toHaveBeenCalledTimes(1));
    await act(async () => {});
    expect(href('Global services')).toBe('/catalog/default/system/shared');
  });

  it('links every project to its own name outside a provider', async () => {
    const catalogApi = catalogApiMock({
      entities: [renamedSystem('shop', 'platform')],
    });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    await render(
      catalogApi,
      <ProjectSystemLink
        project="shop"
        name="Web Shop"
        sharedSystem="shared"
      />,
    );
    expect(href('Web Shop')).toBe('/catalog/default/system/shop');
    expect(getEntities).not.toHaveBeenCalled();
  });
});
