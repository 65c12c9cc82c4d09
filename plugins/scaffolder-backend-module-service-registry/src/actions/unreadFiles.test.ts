import {
  cleanUp,
  contextFor,
  snapshot,
  workspaceWithFiles,
} from '../__testUtils__/workspace';
import { createServiceRegistryAddServiceAction } from './addService';
import { createServiceRegistryDeprecateServiceAction } from './deprecateService';
import { createServiceRegistryUpdateServiceAction } from './updateService';

afterEach(cleanUp);

/*
 * A registry file with a TOML syntax error contributes nothing: a service it declares is not in
 * the loaded registry. The actions must not then say the service does not exist (sending the user
 * to check an id that is right), but name the file that does not parse and where.
 */

/** `services/catalog.toml` declares `a`, then breaks with an unclosed string on line 6. */
const BROKEN = {
  'services/catalog.toml':
    '[service.a]\nversion = "1.0.0"\nstatus = "ga"\n\n[service.b]\nowner = "t\n',
  'projects/p/services.toml':
    '[project]\nname = "P"\n\n[service.p-app]\nversion = "1.0.0"\n',
};
const WHERE =
  'services/catalog.toml does not parse (line 6, column 11): fix it first';

async function runRefused(
  action: { handler: (ctx: any) => Promise<void> },
  input: Record<string, unknown>,
): Promise<string> {
  const workspace = await workspaceWithFiles(BROKEN);
  const before = await snapshot(workspace);
  const { ctx } = contextFor(workspace, input);
  const error = await action.handler(ctx as any).then(
    () => undefined,
    e => e,
  );
  expect(error?.name).toBe('InputError');
  expect(await snapshot(workspace)).toEqual(before);
  return error.message;
}

describe('a service possibly declared in a registry file that does not parse', () => {
  it('update names the file, line and column instead of saying the service does not exist', async () => {
    const message = await runRefused(
      createServiceRegistryUpdateServiceAction(),
      { id: 'a', port: 81 },
    );
    expect(message).toContain(WHERE);
    expect(message).toContain('"a" may be declared there');
    expect(message).not.toContain('check the id');
  });

  it('deprecate names the file, line and column', async () => {
    const message = await runRefused(
      createServiceRegistryDeprecateServiceAction(),
      { id: 'a', sunsetDate: '2027-06-30', deprecationDate: '2026-12-01' },
    );
    expect(message).toContain(WHERE);
  });

  it('deprecate names the file for a replacement it cannot find', async () => {
    const message = await runRefused(
      createServiceRegistryDeprecateServiceAction(),
      {
        id: 'p-app',
        sunsetDate: '2027-06-30',
        deprecationDate: '2026-12-01',
        replacementService: 'a',
      },
    );
    expect(message).toContain(WHERE);
  });

  it('add names the file for a dependency it cannot find, instead of asking to add it', async () => {
    const message = await runRefused(createServiceRegistryAddServiceAction(), {
      id: 'd',
      project: 'p',
      dependencies: { requires: ['a'] },
    });
    expect(message).toContain(WHERE);
    expect(message).toContain('dependencies.requires');
    expect(message).not.toContain('Add that service first');
  });

  it('add of an id the broken file may declare names the file', async () => {
    const message = await runRefused(createServiceRegistryAddServiceAction(), {
      id: 'a',
      project: 'p',
    });
    expect(message).toContain(WHERE);
  });
});
