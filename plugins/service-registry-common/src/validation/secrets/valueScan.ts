import { MAX_POSITION_DEPTH } from '../../load/positions';
import { RegistryFinding } from '../../model/types';
import { ValidationContext } from '../types';
import { walkValues } from '../walkValues';
import { CommandArrayWalk } from './commandArrayWalk';
import { credentialPathFindings } from './credentialPaths';
import { detectSecret } from './detectSecret';
import { scanTargets } from './scanTargets';
import { TargetFindings } from './targetFindings';

/**
 * The most parts a key path may have, from the top of its file (array indices included): the
 * deepest path whose position the loader records (`MAX_POSITION_DEPTH`), so that each finding
 * names the line and column of the table it is about. No registry table comes near it
 * (`[service.<id>.metadata.<key>]` has four parts).
 *
 * @public
 */
export const MAX_NESTING_DEPTH: number = MAX_POSITION_DEPTH;

/** What one walk of the registry's values as written finds (see {@link scanValues}). */
export interface ValueScan {
  /**
   * `security/secret-value` findings, and the `security/secret-path` findings of the files whose
   * path holds a credential (see `credentialPathFindings`).
   */
  secrets: RegistryFinding[];
  /** `toml/nesting-too-deep` findings. */
  tooDeep: RegistryFinding[];
}

const scans = new WeakMap<ValidationContext, ValueScan>();

/**
 * Walks every value of the registry as written once (see {@link scanTargets}, `walkValues`) for
 * the rules that read them all: values that look like credentials (`detectSecret`; the elements
 * of an array that writes a command as its arguments judged as such, see `CommandArrayWalk`), and tables
 * or arrays {@link MAX_NESTING_DEPTH} parts down that hold anything. Kept for the context: the
 * rules `secretValues` and `nestingDepth` share one walk.
 *
 * @param ctx - the validation context
 */
export function scanValues(ctx: ValidationContext): ValueScan {
  const known = scans.get(ctx);
  if (known) return known;
  const secrets = new TargetFindings();
  const tooDeep = new TargetFindings();
  for (const target of scanTargets(ctx)) {
    const commands = new CommandArrayWalk(target.table);
    walkValues(target.table, {
      scalar(path, key, value, previous) {
        const kind = detectSecret(
          key,
          value,
          previous,
          commands.elementAt(path, value),
        );
        if (!kind) return;
        secrets.add(
          target,
          path,
          'error',
          'security/secret-value',
          (subject, label) =>
            `${subject}: ${label} looks like ${kind} written in clear text. Never commit credentials to the registry: keep it in a secret store, write a reference instead (e.g. "\${DB_PASSWORD}" or "vault:<path>"), and rotate the exposed value since git history keeps it.`,
        );
      },
      deeper: {
        depth: MAX_NESTING_DEPTH,
        found: path =>
          tooDeep.add(
            target,
            path,
            'error',
            'toml/nesting-too-deep',
            (subject, label) =>
              `${subject}: ${label} holds values nested more than ${MAX_NESTING_DEPTH} levels deep (counting keys and array elements from the top of the file). No registry table needs that depth, and tools that read values recursively fail on it: the portal leaves these values out of what it shows. Write the key with fewer parts (a dotted key or a header of this many parts is likely a mistake).`,
          ),
      },
    });
  }
  const scan = {
    secrets: [
      ...credentialPathFindings(ctx.registry.files),
      ...secrets.findings,
    ],
    tooDeep: tooDeep.findings,
  };
  scans.set(ctx, scan);
  return scan;
}
