import request from 'supertest';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

const FILES = [
  {
    path: 'services/catalog.toml',
    text: `[service.auth]
owner = "@platform-team"
version = "1.2.3"
status = "ga"
`,
  },
];

const api = '/api/service-registry';

/** A body no endpoint asks for, malformed, holding a credential. */
const BODY = '{"password": "hunter2-body-secret"';

describe('service-registry backend: request bodies', () => {
  it('are never read: a malformed one is neither refused nor echoed, and the permission still decides', async () => {
    const snapshots = publishedFiles(FILES);
    const allowed = await startRegistryBackend(snapshots);
    const denied = await startRegistryBackend(snapshots, { deny: true });
    for (const path of ['/graph', '/services/auth', '/findings', '/sla']) {
      const res = await request(allowed.server)
        .get(`${api}${path}`)
        .set('Content-Type', 'application/json')
        .set('Accept-Encoding', 'identity')
        .send(BODY);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.text.includes('hunter2-body-secret')]).toEqual([
        path,
        false,
      ]);

      const refused = await request(denied.server)
        .get(`${api}${path}`)
        .set('Content-Type', 'application/json')
        .send(BODY);
      expect([path, refused.status]).toEqual([path, 403]);
      expect([path, refused.text.includes('hunter2-body-secret')]).toEqual([
        path,
        false,
      ]);
    }
  });
});
