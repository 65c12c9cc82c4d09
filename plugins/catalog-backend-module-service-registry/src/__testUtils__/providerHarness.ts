import fs from 'node:fs/promises';
import path from 'node:path';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { ServiceRegistryEntityProviderConfig } from '../providers/ServiceRegistryEntityProviderConfig';

/** A fake catalog connection that applies mutations to an in-memory entity set. */
export class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  readonly entities = new Map<string, Entity>();
  /** Mutations to refuse, as a catalog whose database is unavailable for a moment. */
  failing = 0;
  async applyMutation(mutation: EntityProviderMutation) {
    if (this.failing > 0) {
      this.failing--;
      throw new Error('the catalog database is unavailable');
    }
    this.mutations.push(mutation);
    if (mutation.type === 'full') {
      this.entities.clear();
      for (const e of mutation.entities)
        this.entities.set(stringifyEntityRef(e.entity), e.entity);
    } else {
      for (const e of mutation.added)
        this.entities.set(stringifyEntityRef(e.entity), e.entity);
      for (const r of mutation.removed) {
        this.entities.delete(
          'entityRef' in r ? r.entityRef : stringifyEntityRef(r.entity),
        );
      }
    }
  }
  async refresh() {}
  refs(kind?: string) {
    return [...this.entities.keys()]
      .filter(r => !kind || r.startsWith(`${kind}:`))
      .sort();
  }
}

/**
 * Writes registry files under `dir` (relative paths to their text), creating their folders; a
 * file whose text is undefined is removed.
 */
export async function writeRegistry(
  dir: string,
  files: Record<string, string | undefined>,
) {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (text === undefined) {
      await fs.rm(full, { force: true });
    } else {
      await fs.mkdir(path.dirname(full), { recursive: true });
      await fs.writeFile(full, text);
    }
  }
}

/** The provider config of the tests: registry `default`, with `overrides`. */
export function providerConfig(
  overrides: Partial<ServiceRegistryEntityProviderConfig> = {},
): ServiceRegistryEntityProviderConfig {
  return {
    id: 'default',
    target: '',
    schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
    sharedSystem: 'shared',
    defaultOwner: 'unknown',
    ownerGroups: true,
    maxRemovalShare: 0.5,
    rejectEmpty: true,
    ...overrides,
  };
}
