import {
  keptDeclarationsOf,
  loadRegistry,
} from '@service-registry/plugin-service-registry-common';
import { declarationsBefore } from './keptDeclarations';

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

/** The declarations of duplicated ids a store recorded for the last run. */
function keptThen(kept?: Map<string, string>) {
  return jest.fn(async () => kept);
}

describe('declarationsBefore', () => {
  it('reads nothing when no service id is declared twice', async () => {
    const read = lastGood({});
    const kept = keptThen();
    const registry = registryOf({
      [AAA]: '[project]\n[service.orders]\n',
      [ZZZ]: '[project]\n[service.payments]\n',
    });
    expect(await declarationsBefore(registry, read, kept)).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
    expect(kept).not.toHaveBeenCalled();
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
    expect(await declarationsBefore(registry, read, keptThen())).toEqual(
      new Map([['orders', ZZZ]]),
    );
    expect(read.mock.calls[0][0].sort()).toEqual([AAA, ZZZ].sort());
  });

  it('follows the declarations the last run kept while the duplicate lasts, and path order without a record', async () => {
    const files = {
      [AAA]: '[project]\n[service.orders]\n',
      [MMM]: '[project]\n[service.orders]\n',
      [ZZZ]: '[project]\n[service.orders]\n',
    };
    const registry = registryOf(files);
    const kept = keptDeclarationsOf(
      loadRegistry(
        Object.entries(files).map(([path, text]) => ({ path, text })),
        { preferredDeclarations: new Map([['orders', ZZZ]]) },
      ),
    );
    expect(kept).toEqual(new Map([['orders', ZZZ]]));
    expect(
      await declarationsBefore(registry, lastGood(files), keptThen(kept)),
    ).toEqual(new Map([['orders', ZZZ]]));
    // no record (or one the store cannot read): the first in path order
    expect(
      await declarationsBefore(registry, lastGood(files), keptThen()),
    ).toBeUndefined();
  });
});
