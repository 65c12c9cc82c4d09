import { z } from 'zod';
import {
  PolicyListEntry,
  PolicyStringList,
  RegistryPolicies,
  SecurityPolicy,
  SERVICE_TIERS,
  ServiceTier,
  SlaPolicy,
  SourcePosition,
} from '../model/types';
import { pathInMessage } from './controlCharacterPattern';
import { describeValue } from './describeValue';
import {
  CheckContext,
  checkField,
  checkTable,
  checkUnknownFields,
  FieldSpec,
  isTable,
  pathLabel,
  report,
} from './fieldCheck';
import { stringArraySpec } from './fieldSpecs';
import { fileStart, positionsUnder } from './filePositions';
import { joinKeyPath, KeyPathPart, tomlBasicString } from './keyPath';
import { deferred } from './lazy';
import { FindingCollector } from './loadState';
import { ParsedTomlFile } from './parseToml';
import { parseSlaValues } from './slaValues';

const POLICY_KEYS: ReadonlySet<string> = new Set([
  'change_control',
  'sla',
  'compliance',
  'security',
]);
const CHANGE_CONTROL_KEYS: ReadonlySet<string> = new Set([
  'breaking_changes_require',
  'version_bumps_require',
  'config_changes_require',
  'migration_window_days',
  'beta_change_notice_days',
]);

/**
 * A `[change_control]` key holding a whole number of days of at least `min`.
 *
 * @param min - the least number of days
 * @param usage - what the message says after the expected type: an example, and what applies
 *   until the value is fixed
 */
function wholeDaysSpec(min: number, usage: string): FieldSpec<number> {
  return {
    schema: z.number().int().min(min),
    accept: value =>
      typeof value === 'number' && Number.isInteger(value) && value >= min
        ? value
        : undefined,
    expected: `a whole number of days of at least ${min}, without quotes ${usage}`,
  };
}

/** `[change_control] migration_window_days`: a whole number of days, at least 1. */
const migrationWindowDaysSpec = wholeDaysSpec(
  1,
  '(e.g. migration_window_days = 180); until it is, the default 6-month migration window applies',
);

/** `[change_control] beta_change_notice_days`: a whole number of days, at least 0. */
const betaChangeNoticeDaysSpec = wholeDaysSpec(
  0,
  "(e.g. beta_change_notice_days = 14; 0 for none); until it is, the lifecycle's 30 days apply",
);

/** How one `[security]` array of strings is read. */
interface SecurityListSpec {
  /** The key under `[security]`. */
  key: 'block_on' | 'allowed_registries';
  /** A valid value, for messages. */
  example: string;
  /** What one element is, for messages. */
  element: string;
  /** Why a string element is refused (then reported as `schema/invalid-value`), if it is. */
  refuse?: (value: string) => string | undefined;
}

const BLOCK_ON: SecurityListSpec = {
  key: 'block_on',
  example: '["security/", "lifecycle/depends-on-retired"]',
  element: 'a finding code, or a prefix of codes ending in "/"',
};

const ALLOWED_REGISTRIES: SecurityListSpec = {
  key: 'allowed_registries',
  example: '["ghcr.io/example-org"]',
  element: 'an image registry, e.g. "ghcr.io/example-org"',
  refuse: value =>
    value.trim().replace(/\/+$/, '') === ''
      ? 'must name an image registry (e.g. "ghcr.io/example-org")'
      : undefined,
};

/**
 * Reads an array of strings of `[security]`: a value that is not an array is reported at its key
 * (`schema/invalid-type`) and left out; an element that is not a string (`schema/invalid-type`)
 * or that the spec refuses (`schema/invalid-value`) is reported at the element and left out.
 */
function readSecurityList(
  ctx: CheckContext,
  security: Record<string, unknown>,
  spec: SecurityListSpec,
): PolicyStringList | undefined {
  const value = ownValue(security, spec.key);
  if (value === undefined) return undefined;
  const path = ['security', spec.key];
  if (!Array.isArray(value)) {
    report(
      ctx,
      'error',
      'schema/invalid-type',
      `${ctx.subject}: ${pathLabel(path)} must be an array of strings, e.g. ${
        spec.example
      }, got ${describeValue(value, spec.key)}.`,
      path,
    );
    return undefined;
  }
  const entries: PolicyListEntry[] = [];
  value.forEach((element: unknown, i) => {
    const at = [...path, i];
    const shown = describeValue(element, spec.key);
    if (typeof element !== 'string') {
      report(
        ctx,
        'error',
        'schema/invalid-type',
        `${ctx.subject}: ${pathLabel(at)} must be a string (${
          spec.element
        }), got ${shown}; it is ignored.`,
        at,
      );
      return;
    }
    const refused = spec.refuse?.(element);
    if (refused !== undefined) {
      report(
        ctx,
        'error',
        'schema/invalid-value',
        `${ctx.subject}: ${pathLabel(
          at,
        )} ${refused}, got ${shown}; it is ignored.`,
        at,
      );
      return;
    }
    entries.push({ value: element, position: ctx.positionOf(at) });
  });
  return { entries, source: ctx.positionOf(path) };
}

/**
 * Reads what validation applies of `[security]` (`block_on`, `allowed_registries`); its other
 * keys are carried as written, without a warning.
 */
function readSecurity(
  ctx: CheckContext,
  security: Record<string, unknown>,
): SecurityPolicy {
  const policy: SecurityPolicy = {
    raw: security,
    source: ctx.positionOf(['security']),
  };
  const blockOn = readSecurityList(ctx, security, BLOCK_ON);
  if (blockOn) policy.blockOn = blockOn;
  const allowedRegistries = readSecurityList(ctx, security, ALLOWED_REGISTRIES);
  if (allowedRegistries) policy.allowedRegistries = allowedRegistries;
  return policy;
}

function hasOwn(map: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** `map[key]` when `map` has it as its own key (never a property of `Object.prototype`). */
function ownValue<T>(map: Record<string, T>, key: string): T | undefined {
  return hasOwn(map, key) ? map[key] : undefined;
}

/** A table {@link mergeInto} is copying: its entries, the next one, and where they go. */
interface MergeFrame {
  target: Record<string, unknown>;
  entries: [string, unknown][];
  next: number;
}

/**
 * Copies `source` into `target` recursively; a key both define (other than two tables) keeps
 * the first value and is reported through `onConflict`, in the order of the keys. Walks with its
 * own stack: tables nested thousands deep merge without a stack overflow.
 */
function mergeInto(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  onConflict: (path: KeyPathPart[]) => void,
): void {
  // the keys of the tables being copied below the root, one per frame after the first
  const path: KeyPathPart[] = [];
  const stack: MergeFrame[] = [
    { target, entries: Object.entries(source), next: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.entries.length) {
      stack.pop();
      path.pop();
      continue;
    }
    const [key, value] = frame.entries[frame.next++];
    const into = frame.target;
    const existing = hasOwn(into, key) ? into[key] : undefined;
    if (existing === undefined) {
      into[key] = value;
    } else if (isTable(existing) && isTable(value)) {
      const copy: Record<string, unknown> = Object.assign(
        Object.create(null),
        existing,
      );
      into[key] = copy;
      path.push(key);
      stack.push({ target: copy, entries: Object.entries(value), next: 0 });
    } else {
      onConflict([...path, key]);
    }
  }
}

/**
 * Merges the policy files (`policies/*.toml`, in the given order) and reads their known tables:
 * `[change_control]`, `[sla.<tier>]`, `[compliance]`, `[security]` (its `block_on` and
 * `allowed_registries` typed; the rest of `[security]` and `[compliance]` as written).
 *
 * @param files - the parsed policy files, sorted
 * @param collector - receives findings
 */
export function buildPolicies(
  files: ParsedTomlFile[],
  collector: FindingCollector,
): RegistryPolicies {
  const raw: Record<string, unknown> = Object.create(null);
  // without a prototype, and read by own key only: a policy table may be named `constructor`
  const positions: Record<string, SourcePosition> = Object.create(null);
  for (const file of files) {
    const filePositions = positionsUnder(file, []).positions;
    mergeInto(raw, file.table, path => {
      const key = joinKeyPath(path);
      const earlier = ownValue(positions, key);
      collector.add(
        'warning',
        'policy/duplicate-key',
        `Policy ${pathLabel(path)} is defined again in ${pathInMessage(
          file.path,
        )}${
          earlier
            ? ` (first in ${pathInMessage(earlier.file)}:${earlier.line})`
            : ''
        }; the first definition is used. Keep each policy key in one file.`,
        ownValue(filePositions, key) ?? fileStart(file.path),
      );
    });
    for (const [key, position] of Object.entries(filePositions)) {
      if (!hasOwn(positions, key)) positions[key] = position;
    }
  }
  const root = fileStart(files[0]?.path ?? 'policies');
  const ctx = collector.context(
    'Policies',
    deferred(() => positions),
    root,
    {},
  );
  checkUnknownFields(
    ctx,
    raw,
    POLICY_KEYS,
    [],
    'keep it: it stays available as raw policy data',
  );
  const result: RegistryPolicies = {
    sla: {},
    raw,
    positions,
    files: files.map(f => f.path),
  };

  const changeControl = checkTable(ctx, raw.change_control, ['change_control']);
  if (changeControl) {
    checkUnknownFields(ctx, changeControl, CHANGE_CONTROL_KEYS, [
      'change_control',
    ]);
    const list = (key: string) =>
      checkField(
        ctx,
        changeControl[key],
        ['change_control', key],
        stringArraySpec,
      ) ?? [];
    result.changeControl = {
      breakingChangesRequire: list('breaking_changes_require'),
      versionBumpsRequire: list('version_bumps_require'),
      configChangesRequire: list('config_changes_require'),
      migrationWindowDays: checkField(
        ctx,
        changeControl.migration_window_days,
        ['change_control', 'migration_window_days'],
        migrationWindowDaysSpec,
      ),
      betaChangeNoticeDays: checkField(
        ctx,
        changeControl.beta_change_notice_days,
        ['change_control', 'beta_change_notice_days'],
        betaChangeNoticeDaysSpec,
      ),
      raw: changeControl,
      source: ctx.positionOf(['change_control']),
    };
  }

  const sla = checkTable(ctx, raw.sla, ['sla']) ?? {};
  for (const [tier, value] of Object.entries(sla)) {
    if (!isTable(value)) {
      // a target written under [sla] itself (a default for every tier, say): [sla.<key>] is
      // not what it needs
      const key = joinKeyPath([tier]);
      ctx.report?.(
        {
          severity: 'error',
          code: 'schema/invalid-type',
          message: `Policies: sla.${key} is not a tier: [sla] holds one table per tier (${SERVICE_TIERS.map(
            t => `[sla.${t}]`,
          ).join(
            ', ',
          )}) with its targets. Move ${key} into the [sla.<tier>] it is meant for; it is ignored until then.`,
        },
        ctx.positionOf(['sla', tier]),
      );
      continue;
    }
    const table = value;
    if (!(SERVICE_TIERS as readonly string[]).includes(tier)) {
      ctx.report?.(
        {
          severity: 'warning',
          code: 'schema/invalid-enum',
          message: `Policies: sla tier ${tomlBasicString(
            tier,
          )} is not one of ${SERVICE_TIERS.join(', ')}; rename [${joinKeyPath([
            'sla',
            tier,
          ])}] to one of them, or it is ignored.`,
        },
        ctx.positionOf(['sla', tier]),
      );
      continue;
    }
    const policy: SlaPolicy = {
      ...parseSlaValues(ctx, table, ['sla', tier]),
      tier: tier as ServiceTier,
      source: ctx.positionOf(['sla', tier]),
    };
    result.sla[tier as ServiceTier] = policy;
  }
  result.compliance = checkTable(ctx, raw.compliance, ['compliance']);
  result.security = checkTable(ctx, raw.security, ['security']);
  if (result.security) {
    result.securityPolicy = readSecurity(ctx, result.security);
  }
  return result;
}
