import { isTable } from '../../load/fieldCheck';
import { KeyPathPart } from '../../load/keyPath';
import { detectSecret } from './detectSecret';

/**
 * Walks a TOML table and reports every value that looks like a credential (see
 * {@link detectSecret}): each element of an array is judged under the array's key, with the
 * element before it (the value of a flag `"--password", "..."`).
 *
 * @param table - the table as written
 * @param onSecret - receives the value's path relative to the table (a buffer reused between
 *   calls: copy it to keep it) and the kind of credential; never the value
 */
export function findSecrets(
  table: Record<string, unknown>,
  onSecret: (path: readonly KeyPathPart[], kind: string) => void,
): void {
  // One mutable path: copying it for every value would dominate on large registries.
  const path: KeyPathPart[] = [];
  const visit = (value: unknown, key: string, previous?: unknown) => {
    if (isTable(value)) {
      for (const child of Object.keys(value)) {
        path.push(child);
        visit(value[child], child);
        path.pop();
      }
      return;
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index], key, index > 0 ? value[index - 1] : undefined);
        path.pop();
      }
      return;
    }
    const kind = detectSecret(key, value, previous);
    if (kind) onSecret(path, kind);
  };
  for (const key of Object.keys(table)) {
    path.push(key);
    visit(table[key], key);
    path.pop();
  }
}
