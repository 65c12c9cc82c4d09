import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestGitRepository } from '@service-registry/test-support';

/** The repositories made in this test file, removed after it. */
const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/**
 * A registry repository for a backend's pending changes: `main` holds the registry of `from` (a
 * directory), and the branch `service-registry/test-change` changes `change`'s files (null
 * deletes one). Returns the backend config that serves it (answers never reused) and removes it
 * after the test file.
 */
export function pendingChangesRepository(
  from: string,
  change: Record<string, string | null>,
) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pending-repository-'));
  roots.push(root);
  const repository = createTestGitRepository(path.join(root, 'registry'));
  fs.cpSync(from, repository.dir, { recursive: true });
  repository.commit('The registry', {});
  repository.git('checkout', '--quiet', '-b', 'service-registry/test-change');
  repository.commit('A pending change', change);
  repository.git('checkout', '--quiet', 'main');
  return {
    backend: { workingDirectory: path.join(root, 'work') },
    serviceRegistry: {
      pendingChanges: { repository: repository.dir, cacheSeconds: 0 },
    },
  };
}
