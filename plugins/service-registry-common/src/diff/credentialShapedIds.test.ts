import { registryOf } from '../validation/__testUtils__/registryOf';
import { diffRegistries } from './diffRegistries';

// someone pasted a GitHub token as a service id
const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}F6g7H8`;

/** Whether the diff, as the CLI and the backend serialise it, holds the token in any form. */
function holdsToken(value: unknown): boolean {
  const text = JSON.stringify(value).toLowerCase();
  return (
    text.includes(TOKEN.toLowerCase()) ||
    text.includes(TOKEN.slice(4).toLowerCase())
  );
}

const withToken = registryOf({
  'services/catalog.toml': [
    `[service."${TOKEN}"]`,
    'owner = "@platform"',
    'port = 8080',
    '[service.web]',
    'owner = "@web"',
    `dependencies.requires = ["${TOKEN}"]`,
  ].join('\n'),
});

const withoutToken = registryOf({
  'services/catalog.toml': [
    '[service.web]',
    'owner = "@web"',
    `dependencies.requires = ["${TOKEN}"]`,
  ].join('\n'),
});

describe('diffRegistries with a credential as a service id', () => {
  it('lists an added service named by a token as hidden', () => {
    const diff = diffRegistries(withoutToken, withToken, {
      today: '2026-01-15',
    });
    expect(diff.added).toEqual(['(hidden)']);
    expect(holdsToken(diff)).toBe(false);
  });

  it('lists a removed service named by a token as hidden', () => {
    const diff = diffRegistries(withToken, withoutToken, {
      today: '2026-01-15',
    });
    expect(diff.removed).toEqual(['(hidden)']);
    expect(holdsToken(diff)).toBe(false);
  });

  it('names a changed service named by a token as hidden, in its changes and breaking changes', () => {
    const moved = registryOf({
      'services/catalog.toml': [`[service."${TOKEN}"]`, 'port = 9090'].join(
        '\n',
      ),
    });
    const diff = diffRegistries(withToken, moved, { today: '2026-01-15' });
    expect(diff.changed).toContainEqual(
      expect.objectContaining({ service: '(hidden)' }),
    );
    expect(diff.breakingChanges).toContainEqual(
      expect.objectContaining({ kind: 'port-changed', service: '(hidden)' }),
    );
    expect(holdsToken(diff)).toBe(false);
  });

  it('still names ordinary services', () => {
    const diff = diffRegistries(
      registryOf({ 'services/catalog.toml': '[service.web]' }),
      registryOf({ 'services/catalog.toml': '[service.web]\n[service.api]' }),
      { today: '2026-01-15' },
    );
    expect(diff.added).toEqual(['api']);
  });
});
