import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { routerRoutes } from '@service-registry/test-support';
import { InMemoryServiceRegistrySnapshotService } from '@service-registry/plugin-service-registry-node';
import { createReminderRouter } from './service/createReminderRouter';

/*
 * The reminder endpoints the module's README lists are those its router serves (fs is fine in
 * tests).
 */

const README = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');

/** `GET /deprecations/:service/reminders`, ... as the README's endpoint rows write them. */
function documentedRoutes(markdown: string): string[] {
  const routes: string[] = [];
  for (const line of markdown.split('\n')) {
    const cell = line.split('|')[1]?.trim() ?? '';
    const match =
      /^`(GET|POST|PUT|PATCH|DELETE) \/api\/service-registry(\/[^`?]*)(?:\?[^`]*)?`$/.exec(
        cell,
      );
    if (match) routes.push(`${match[1]} ${match[2]}`);
  }
  return routes;
}

describe('the README of the notifications module', () => {
  it('lists every reminder endpoint the module adds to the service-registry router, and no other', async () => {
    const router = await createReminderRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      snapshots: new InMemoryServiceRegistrySnapshotService(),
      notifier: {} as any,
      store: {} as any,
    });
    const routes = routerRoutes(router);
    expect(documentedRoutes(README).sort()).toEqual([...routes].sort());
  });
});
