import { createHash } from 'node:crypto';

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = stable((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

/** A hash of an entity's content that does not depend on key order. */
export function entityHash(entity: object): string {
  return createHash('sha256')
    .update(JSON.stringify(stable(entity)))
    .digest('hex');
}

/** A hash of a set of registry files (path and content). */
export function filesHash(
  files: Array<{ path: string; text: string }>,
): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(file.path).update('\0').update(file.text).update('\0');
  }
  return hash.digest('hex');
}
