import {
  RegistryFinding,
  registryNotFoundKind,
} from '@service-registry/plugin-service-registry-common';
import { InMemoryServiceRegistrySnapshotService } from '@service-registry/plugin-service-registry-node';
import request from 'supertest';
import { snapshotOfFiles } from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

/*
 * The catalog provider holds a service back when it moved into a file that is not taken as written
 * (or into a misspelt table): the catalog keeps its Component as last ingested, with its entity
 * page, while the registry the provider publishes lacks it. The snapshot's
 * `catalog/held-back-service` warning names it; the service's 404 must say it is held back and
 * why, not that the registry does not declare it.
 */
const FILES = [
  {
    path: 'projects/shop/services.toml',
    text: `[project]
name = "Shop"

[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
`,
  },
];

/** The finding the catalog provider publishes for a service it holds back (its words). */
function heldBackFinding(
  service: string,
  why: string,
  file = 'projects/shop/services.toml',
): RegistryFinding {
  return {
    severity: 'warning',
    code: 'catalog/held-back-service',
    message: `Service "${service}" is declared here, in a file the catalog cannot take as written (${why}), and no longer where it was: the catalog keeps component:default/${service} as last ingested, and the registry's pages lack the service until the file is fixed.`,
    file,
    line: 9,
    column: 1,
    service,
  };
}

/** Every endpoint that answers about one service, for the service `id`. */
const perServiceUrls = (id: string) =>
  [
    `/services/${id}`,
    `/services/${id}/summary`,
    `/graph?service=${id}`,
    `/graph?service=${id}&depth=3`,
    `/impact/${id}`,
    `/sla/${id}`,
    `/deprecations/${id}`,
    `/deprecations/${id}/history`,
    `/services/${id}/deprecated-dependencies`,
    `/openslo?service=${id}`,
  ].map(path => `/api/service-registry${path}`);

const HELD_BACK_CART =
  'service "cart" of registry "default" is held back: it is declared at projects/shop/services.toml:9:1, in a file the catalog cannot take as written (it does not parse at projects/shop/services.toml:12:3); the catalog shows it as last ingested, and the registry lacks it until that file is fixed';

async function notFoundAnswers(server: any, urls: string[]) {
  const answers = [];
  for (const url of urls) {
    const res = await request(server).get(url);
    const message: string = res.body?.error?.message ?? '';
    answers.push([url, res.status, registryNotFoundKind(message), message]);
  }
  return answers;
}

describe('service-registry backend: a service the catalog holds back', () => {
  it('is a 404 that says it is held back and why, on every endpoint about the service', async () => {
    const snapshots = new InMemoryServiceRegistrySnapshotService();
    const snapshot = snapshotOfFiles(FILES);
    snapshots.publish({
      ...snapshot,
      state: 'degraded',
      findings: [
        ...snapshot.findings,
        heldBackFinding(
          'cart',
          'it does not parse at projects/shop/services.toml:12:3',
        ),
      ],
    });
    const { server } = await startRegistryBackend(snapshots);

    expect(await notFoundAnswers(server, perServiceUrls('cart'))).toEqual(
      perServiceUrls('cart').map(url => [
        url,
        404,
        'held-back',
        HELD_BACK_CART,
      ]),
    );
    // a service neither declared nor held back is still one the registry does not declare
    expect(
      (await notFoundAnswers(server, perServiceUrls('ghost'))).map(a =>
        a.slice(0, 3),
      ),
    ).toEqual(perServiceUrls('ghost').map(url => [url, 404, 'service']));
    // and the services the registry holds answer as before
    const summary = await request(server).get(
      '/api/service-registry/services/shop-api/summary',
    );
    expect(summary.status).toBe(200);

    // the file fixed: the next snapshot has the service and no such finding
    snapshots.publish(
      snapshotOfFiles([
        {
          path: FILES[0].path,
          text: `${FILES[0].text}\n[service.cart]\nowner = "shop-team"\nversion = "1.0.0"\nstatus = "ga"\n`,
        },
      ]),
    );
    const fixed = await request(server).get(
      '/api/service-registry/services/cart/summary',
    );
    expect(fixed.status).toBe(200);
    // and the finding gone without the service (moved out of the registry since): not held back
    snapshots.publish(snapshotOfFiles(FILES));
    const gone = await request(server).get('/api/service-registry/sla/cart');
    expect(registryNotFoundKind(gone.body.error.message)).toBe('service');
  });

  it('says why a misspelt table holds it back, and serves no credential the finding quotes', async () => {
    const snapshots = new InMemoryServiceRegistrySnapshotService();
    const snapshot = snapshotOfFiles(FILES);
    snapshots.publish({
      ...snapshot,
      findings: [
        ...snapshot.findings,
        heldBackFinding('cart', 'its table is misspelt: write [service.<id>]'),
        heldBackFinding(
          'web',
          'it does not parse at projects/web/services.toml:2:1',
          'projects/web/https://deploy:s3cretpass@git.example.com/services.toml',
        ),
        // the catalog hides an id that holds a credential: it names no service to ask for
        heldBackFinding('(hidden)', 'it does not parse'),
      ],
    });
    const { server } = await startRegistryBackend(snapshots);

    const cart = await request(server).get('/api/service-registry/sla/cart');
    expect(cart.status).toBe(404);
    expect(cart.body.error.message).toBe(
      'service "cart" of registry "default" is held back: it is declared at projects/shop/services.toml:9:1, in a file the catalog cannot take as written (its table is misspelt: write [service.<id>]); the catalog shows it as last ingested, and the registry lacks it until that file is fixed',
    );

    const web = await request(server).get(
      '/api/service-registry/services/web/summary',
    );
    expect(registryNotFoundKind(web.body.error.message)).toBe('held-back');
    expect(web.text).not.toContain('s3cretpass');

    const hidden = await request(server).get(
      '/api/service-registry/services/(hidden)/summary',
    );
    expect(hidden.status).toBe(404);
    expect(registryNotFoundKind(hidden.body.error.message)).toBe('service');
  });
});
