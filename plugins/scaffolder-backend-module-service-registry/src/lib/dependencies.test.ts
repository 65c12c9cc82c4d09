import { InputError } from '@backstage/errors';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { checkDependencies } from './dependencies';

const CATALOG = [
  '[service.v1]',
  'status = "retired"',
  'replacement_service = "v2"',
  '[service.v2]',
  'status = "deprecated"',
  'replacement_service = "v3"',
  '[service.v3]',
  '[service.lone]',
  'status = "retired"',
  'replacement_service = "ghost"',
  '[service.old]',
  'status = "retired"',
  'replacement_service = "v3"',
].join('\n');

const PROJECT = [
  '[project]',
  'owner = "p-team"',
  '[service.v3]',
  'status = "deprecated"',
  'replacement_service = "v4"',
  '[service.v4]',
  '[service.p-app]',
].join('\n');

const registry = loadRegistry([
  { path: 'services/catalog.toml', text: CATALOG },
  { path: 'projects/p/services.toml', text: PROJECT },
]);

function refusal(
  entry: string,
  self = 'new-svc',
  project: string | undefined = undefined,
  within = registry,
): string {
  try {
    checkDependencies(
      [entry],
      within,
      { id: self, project },
      'dependencies.requires',
    );
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error(`${entry} was accepted`);
}

describe('checkDependencies on retired services', () => {
  it('names the replacement when it is live', () => {
    expect(refusal('old')).toBe(
      'dependencies.requires: old is retired and may not be depended on; depend on its replacement v3.',
    );
  });

  it('names the live end of the chain when the replacement is deprecated or retired', () => {
    expect(refusal('v1@^1.0')).toBe(
      'dependencies.requires: v1 is retired and may not be depended on; depend on v3, the live end of its replacements v2 → v3.',
    );
  });

  it("follows the chain as the service's project sees it", () => {
    expect(refusal('v1', 'p-app', 'p')).toBe(
      'dependencies.requires: v1 is retired and may not be depended on; depend on v4, the live end of its replacements v2 → v3 → v4.',
    );
  });

  it('says when the chain reaches no live service instead of naming an undeclared one', () => {
    expect(refusal('lone')).toBe(
      'dependencies.requires: lone is retired and may not be depended on; its replacement_service ghost is no live service (no registry file declares it): ask the owners of lone what to depend on instead.',
    );
  });

  it('tells the live successor to take over what it used the service for', () => {
    expect(refusal('old', 'v3')).toBe(
      'dependencies.requires: old is retired and may not be depended on; v3 is its replacement: take over in it what it used old for.',
    );
  });
});

describe("checkDependencies as the consumer's project sees its dependencies", () => {
  // project x overrides global services field by field: its view of each is what counts
  const catalog = [
    '[service.cache]', // line 1
    'status = "retired"',
    'replacement_service = "cache-v2"',
    '[service.cache-v2]',
    '[service.queue]',
    '[service.store]',
    'status = "retired"',
    'replacement_service = "store-v2"',
    '[service.store-v2]',
  ].join('\n');
  const x = [
    '[project]', // line 1
    'owner = "x-team"',
    '[service.cache]',
    'status = "maintenance"',
    '[service.queue]', // line 5
    'status = "retired"',
    'replacement_service = "x-queue"',
    '[service.x-queue]',
    '[service.store-v2]',
    'status = "retired"',
    'replacement_service = "x-store"',
    '[service.x-store]',
  ].join('\n');
  const overridden = loadRegistry([
    { path: 'services/catalog.toml', text: catalog },
    { path: 'projects/x/services.toml', text: x },
  ]);
  const check = (entries: string[], project: string | undefined) =>
    checkDependencies(
      entries,
      overridden,
      { id: 'new-svc', project },
      'dependencies.requires',
    );
  const refusedIn = (entry: string, project: string | undefined) =>
    refusal(entry, 'new-svc', project, overridden);

  it("accepts a global retired service that the project's override keeps live", () => {
    expect(check(['cache'], 'x')).toEqual(['cache']);
    expect(refusedIn('cache', undefined)).toBe(
      'dependencies.requires: cache is retired and may not be depended on; depend on its replacement cache-v2.',
    );
  });

  it("refuses a service the project's override retires, naming the override and the project's replacement", () => {
    expect(refusedIn('queue', 'x')).toBe(
      "dependencies.requires: queue is retired in project x's override (projects/x/services.toml:5:1) and may not be depended on; depend on its replacement x-queue.",
    );
    expect(check(['queue'], undefined)).toEqual(['queue']);
  });

  it('names the live end of the replacement chain as the project sees it, for a service not yet in the registry', () => {
    expect(refusedIn('store', 'x')).toBe(
      'dependencies.requires: store is retired and may not be depended on; depend on x-store, the live end of its replacements store-v2 → x-store.',
    );
    expect(refusedIn('store', undefined)).toBe(
      'dependencies.requires: store is retired and may not be depended on; depend on its replacement store-v2.',
    );
  });
});
