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

function refusal(entry: string, self = 'new-svc'): string {
  try {
    checkDependencies([entry], registry, self, 'dependencies.requires');
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
    expect(refusal('v1', 'p-app')).toBe(
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
