import {
  PolicyListEntry,
  RegistryFinding,
  RegistryPolicies,
} from '../model/types';
import { describeValue } from '../load/describeValue';
import {
  KNOWN_FINDING_CODE_PREFIXES,
  KNOWN_FINDING_CODES,
} from './findingCodes';
import { makeFinding } from './findings';

const KNOWN_CODES: ReadonlySet<string> = new Set(KNOWN_FINDING_CODES);
const KNOWN_PREFIXES: ReadonlySet<string> = new Set(
  KNOWN_FINDING_CODE_PREFIXES,
);

/** True for a known code, or a known prefix of codes (ending in `/`). */
function isKnownEntry(value: string): boolean {
  return value.endsWith('/')
    ? KNOWN_PREFIXES.has(value)
    : KNOWN_CODES.has(value);
}

/** How much of a code an entry names: a whole code beats any prefix, a longer prefix a shorter. */
function precision(entry: string, code: string): number {
  if (entry === code) return Number.POSITIVE_INFINITY;
  return entry.endsWith('/') && code.startsWith(entry) ? entry.length : -1;
}

/** What to write instead of an entry that is no known code nor prefix. */
function fixOf(value: string): string {
  if (KNOWN_PREFIXES.has(`${value}/`)) {
    return `Write "${value}/" to block every ${value}/ code.`;
  }
  const completions = KNOWN_FINDING_CODES.filter(code =>
    code.endsWith(`/${value}`),
  );
  if (completions.length > 0) {
    return `Write ${completions.map(code => `"${code}"`).join(' or ')}.`;
  }
  const prefix = value.slice(0, value.indexOf('/') + 1);
  if (prefix && KNOWN_PREFIXES.has(prefix)) {
    return `The ${prefix} codes are ${KNOWN_FINDING_CODES.filter(code =>
      code.startsWith(prefix),
    ).join(', ')}; "${prefix}" blocks them all.`;
  }
  return `Write a code such as "security/secret-value", or one of the prefixes ${KNOWN_FINDING_CODE_PREFIXES.join(
    ', ',
  )}.`;
}

/** `schema/invalid-value` (error) at a `block_on` entry that names no known code. */
function unknownEntry(entry: PolicyListEntry): RegistryFinding {
  return makeFinding(
    'error',
    'schema/invalid-value',
    `Policies: security.block_on lists ${describeValue(
      entry.value,
      'block_on',
    )}, which is not a code validation reports, nor a prefix of codes ending in "/": it blocks nothing and is ignored. ${fixOf(
      entry.value,
    )}`,
    entry.position,
  );
}

/**
 * Applies `[security] block_on` of the policies to findings: a warning or info whose code an
 * entry names (the code itself, or a prefix of it ending in `/`) becomes an error, its message
 * ending with the policy file and the entry (the most precise one, when several match) that block
 * it; errors and other findings are returned as they are. Entries that are no known code nor
 * prefix (see {@link KNOWN_FINDING_CODES}) block nothing and are reported at the entry
 * (`schema/invalid-value`, error), after the findings.
 *
 * @param policies - the registry's policies
 * @param findings - the findings of the loader and the rules (not changed)
 */
export function applyBlockOn(
  policies: RegistryPolicies,
  findings: readonly RegistryFinding[],
): RegistryFinding[] {
  const entries = policies.securityPolicy?.blockOn?.entries ?? [];
  if (entries.length === 0) return [...findings];
  const blocking = entries.filter(entry => isKnownEntry(entry.value));
  const blockerOf = new Map<string, PolicyListEntry | undefined>();
  const blocker = (code: string): PolicyListEntry | undefined => {
    if (!blockerOf.has(code)) {
      let best: PolicyListEntry | undefined;
      let bestPrecision = -1;
      for (const entry of blocking) {
        const p = precision(entry.value, code);
        if (p > bestPrecision) {
          best = entry;
          bestPrecision = p;
        }
      }
      blockerOf.set(code, best);
    }
    return blockerOf.get(code);
  };
  const result = findings.map(finding => {
    if (finding.severity === 'error') return finding;
    const entry = blocker(finding.code);
    if (!entry) return finding;
    return {
      ...finding,
      severity: 'error' as const,
      message: `${finding.message} Blocking: ${entry.position.file} [security] block_on lists "${entry.value}", which makes this ${finding.severity} an error.`,
    };
  });
  for (const entry of entries) {
    if (!isKnownEntry(entry.value)) result.push(unknownEntry(entry));
  }
  return result;
}
