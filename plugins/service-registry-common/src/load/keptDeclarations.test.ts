import { loadRegistry } from './buildRegistry';
import { duplicatedServices, keptDeclarationsOf } from './keptDeclarations';

const AAA = 'projects/aaa/services.toml';
const ZZZ = 'projects/zzz/services.toml';

function load(files: Record<string, string>, kept?: Map<string, string>) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { preferredDeclarations: kept },
  );
}

describe('keptDeclarationsOf', () => {
  it('keeps nothing when no id is declared twice', () => {
    const registry = load({ [AAA]: '[project]\n[service.a]\n' });
    expect(keptDeclarationsOf(registry)).toEqual(new Map());
    expect(duplicatedServices(registry)).toEqual(new Map());
  });

  it('names the file whose declaration was kept, which loads the same files the same way again', () => {
    const files = {
      [AAA]: '[project]\n[service.orders]\nversion = "9.0.0"\n',
      [ZZZ]: '[project]\n[service.orders]\nversion = "1.0.0"\n',
    };
    const kept = keptDeclarationsOf(load(files, new Map([['orders', ZZZ]])));
    expect(kept).toEqual(new Map([['orders', ZZZ]]));
    expect(duplicatedServices(load(files, kept)).get('orders')).toEqual(
      new Set([ZZZ, AAA]),
    );
    expect(load(files, kept).services.get('orders')!.version).toBe('1.0.0');
    // without the record, path order keeps the other declaration
    expect(load(files).services.get('orders')!.version).toBe('9.0.0');
  });
});
