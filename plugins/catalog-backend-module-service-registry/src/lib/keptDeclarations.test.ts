import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import {
  declarationsBefore,
  KEPT_DECLARATIONS_PATH,
  keptDeclarationsFile,
} from './keptDeclarations';

const AAA = 'projects/aaa/services.toml';
const MMM = 'projects/mmm/services.toml';
const ZZZ = 'projects/zzz/services.toml';

function registryOf(files: Record<string, string>) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
}

/** The last good files of a store holding `files`. */
function lastGood(files: Record<string, string>) {
  const read = jest.fn(async (paths: string[]) => {
    const found = new Map<string, string>();
    for (const path of paths) {
      if (files[path] !== undefined) found.set(path, files[path]);
    }
    return found;
  });
  return read;
}

describe('declarationsBefore', () => {
  it('reads nothing when no service id is declared twice', async () => {
    const read = lastGood({});
    const registry = registryOf({
      [AAA]: '[project]\n[service.orders]\n',
      [ZZZ]: '[project]\n[service.payments]\n',
    });
    expect(await declarationsBefore(registry, read)).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
  });

  it('prefers the file that declared the id at the last run, reading only the declaring files', async () => {
    const registry = registryOf({
      [AAA]: '[project]\n[service.orders]\n',
      [ZZZ]: '[project]\n[service.orders]\n',
    });
    const read = lastGood({
      [ZZZ]: '[project]\n[service.orders]\n',
      'projects/other/services.toml': '[project]\n[service.orders]\n',
    });
    expect(await declarationsBefore(registry, read)).toEqual(
      new Map([['orders', ZZZ]]),
    );
    expect(read.mock.calls[0][0].sort()).toEqual(
      [KEPT_DECLARATIONS_PATH, AAA, ZZZ].sort(),
    );
  });

  it('follows the declarations the last run kept while the duplicate lasts, and path order without a readable record', async () => {
    const files = {
      [AAA]: '[project]\n[service.orders]\n',
      [MMM]: '[project]\n[service.orders]\n',
      [ZZZ]: '[project]\n[service.orders]\n',
    };
    const registry = registryOf(files);
    const kept = keptDeclarationsFile(
      loadRegistry(
        Object.entries(files).map(([path, text]) => ({ path, text })),
        { preferredDeclarations: new Map([['orders', ZZZ]]) },
      ),
    );
    expect(kept).toEqual([
      { path: KEPT_DECLARATIONS_PATH, text: JSON.stringify({ orders: ZZZ }) },
    ]);
    expect(
      await declarationsBefore(
        registry,
        lastGood({ ...files, [KEPT_DECLARATIONS_PATH]: kept[0].text }),
      ),
    ).toEqual(new Map([['orders', ZZZ]]));
    // a record this version cannot read: the first in path order, as without one
    expect(
      await declarationsBefore(
        registry,
        lastGood({ ...files, [KEPT_DECLARATIONS_PATH]: '["orders"]' }),
      ),
    ).toBeUndefined();
  });
});

describe('keptDeclarationsFile', () => {
  it('keeps nothing when no id is declared twice', () => {
    expect(
      keptDeclarationsFile(registryOf({ [AAA]: '[project]\n[service.a]\n' })),
    ).toEqual([]);
  });
});
