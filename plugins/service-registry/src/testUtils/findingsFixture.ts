import {
  GLOBAL_PROJECT_ID,
  buildFindingsResponse,
  DEFAULT_MAX_REGISTRY_FILE_BYTES,
  FILE_TOO_LARGE_CODE,
  isUnreadFileFinding,
  FindingsResponse,
  FindingsSource,
  loadRegistry,
  RegistryFileInput,
  RegistryFinding,
  tooLargeRegistryFile,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { FindingsRequestOptions } from '../api';

/*
 * Findings responses for tests and the dev app, computed by the real loader and validator of the
 * common package from a few small TOML files, then shaped by `buildFindingsResponse`, the function
 * the backend's `/findings` route answers with (owner of the service added, a browser link for a
 * registry read from a URL, errors first).
 */

/** The day the fixture is validated at, so lifecycle findings do not drift with the clock. */
export const FIXTURE_TODAY = '2026-01-15';

/** Root of the registry read from GitHub: findings carry a link to their line. */
export const GITHUB_ROOT =
  'url:https://github.com/acme/service-registry/tree/main/';

/** Root of the registry read from a local directory: findings carry no link. */
export const LOCAL_ROOT = 'file:/srv/service-registry/';

/** The file that does not parse in the `degraded` scenario, and is too large in `tooLarge`. */
export const BROKEN_FILE = 'projects/billing/services.toml';

const CATALOG = `# Global services
[service.auth]
name = "auth"
type = "microservice"
owner = "@platform-team"
version = "2.1.0"
status = "ga"

[service.legacy-pay]
name = "legacy-pay"
owner = "payments-team"
version = "1.4.0"
status = "deprecated"
deprecation_date = "2025-03-01"
sunset_date = "2026-09-30"
`;

const SHOP = `[project-specific.shop]
name = "Shop"
owner = "shop-team"
tier = "high"

[service.checkout]
name = "checkout"
owner = "shop-team"
version = "3.0.0"
status = "ga"
[service.checkout.dependencies]
requires = ["auth", "legacy-pay", "inventory"]
optional = ["recommendations"]
`;

const BILLING_GOOD = `[project-specific.billing]
name = "Billing"
owner = "payments-team"

[service.payments]
name = "payments"
owner = "payments-team"
version = "1.0.0-beta.1"
status = "beta"
governance.change_log = "https://github.com/acme/payments/blob/main/CHANGELOG.md"
[service.payments.dependencies]
requires = ["auth"]
`;

/** The same file after an edit that left a string unterminated. */
const BILLING_BROKEN = `[project-specific.billing]
name = "Billing"
owner = "payments-team"

[service.payments]
name = "payments"
owner = "payments-team"
version = "1.0.0-beta.2
status = "beta"
governance.change_log = "https://github.com/acme/payments/blob/main/CHANGELOG.md"
[service.payments.dependencies]
requires = ["auth"]
`;

/** Six services that all require each other: more cycles than the validator lists. */
function denseMesh(): string {
  const ids = ['mesh-a', 'mesh-b', 'mesh-c', 'mesh-d', 'mesh-e', 'mesh-f'];
  return ids
    .map(
      id => `[service.${id}]
name = "${id}"
owner = "mesh-team"
version = "1.0.0"
status = "ga"
[service.${id}.dependencies]
requires = [${ids
        .filter(other => other !== id)
        .map(other => `"${other}"`)
        .join(', ')}]
`,
    )
    .join('\n');
}

/**
 * Which registry the fixture holds:
 * - `degraded`: `projects/billing/services.toml` no longer parses; its last good version is kept
 *   and the snapshot is `degraded` (errors, warnings and the syntax error);
 * - `tooLarge`: the same file is not read, being above the readers' size limit (40 MiB, a
 *   generated file gone wrong); its last good version is kept and the snapshot is `degraded`;
 * - `clean`: the same registry before the broken edit (state `ok`);
 * - `denseCycle`: six services requiring each other, the only way the validator emits an `info`
 *   finding (`dependency/cycle-limit`), next to the cycle errors it lists.
 */
export type FindingsScenario = 'degraded' | 'tooLarge' | 'clean' | 'denseCycle';

/** A provider snapshot, reduced to what the `/findings` route reads. */
export type FindingsSnapshot = FindingsSource;

/** Options of {@link findingsSnapshot}. */
export interface FindingsSnapshotOptions {
  /** Which registry (default `degraded`). */
  scenario?: FindingsScenario;
  /** Root location (default {@link LOCAL_ROOT}); use {@link GITHUB_ROOT} for line links. */
  rootLocation?: string;
  /** Provider id (default `default`). */
  providerId?: string;
  /** More registry files, read after the scenario's (e.g. a `services/versions.toml`). */
  extraFiles?: RegistryFileInput[];
}

function filesOf(scenario: FindingsScenario): {
  current: RegistryFileInput[];
  lastGood: Map<string, string>;
} {
  if (scenario === 'denseCycle') {
    return {
      current: [{ path: 'services/catalog.toml', text: denseMesh() }],
      lastGood: new Map(),
    };
  }
  const billing = scenario === 'degraded' ? BILLING_BROKEN : BILLING_GOOD;
  return {
    current: [
      { path: 'services/catalog.toml', text: CATALOG },
      { path: 'projects/shop/services.toml', text: SHOP },
      scenario === 'tooLarge'
        ? tooLargeRegistryFile(
            BROKEN_FILE,
            40 * 1024 * 1024,
            DEFAULT_MAX_REGISTRY_FILE_BYTES,
          )
        : { path: BROKEN_FILE, text: billing },
    ],
    lastGood: new Map([[BROKEN_FILE, BILLING_GOOD]]),
  };
}

/**
 * Runs the real loader and validator over the scenario's files like the catalog provider does:
 * a file that fails to parse, or is too large to be read, is replaced by its last good version,
 * its error is kept in front of the validator's findings, and the run is `degraded`.
 */
export function findingsSnapshot(
  options: FindingsSnapshotOptions = {},
): FindingsSnapshot {
  const scenario = options.scenario ?? 'degraded';
  const files = filesOf(scenario);
  const current = [...files.current, ...(options.extraFiles ?? [])];
  const lastGood = files.lastGood;
  const first = loadRegistry(current);
  const syntax = first.findings.filter(f => first.failedFiles.includes(f.file));
  const kept = first.failedFiles.filter(path => lastGood.has(path));
  const effective = current.map(file =>
    first.failedFiles.includes(file.path) && lastGood.has(file.path)
      ? { path: file.path, text: lastGood.get(file.path)! }
      : file,
  );
  const registry = first.failedFiles.length ? loadRegistry(effective) : first;
  const validated = validateRegistry(registry, { today: FIXTURE_TODAY });
  const findings = [
    ...syntax,
    ...validated.filter(f => !isUnreadFileFinding(f)),
  ];
  // Like the provider, the summary counts the loader's errors (syntax and schema), not the rules'.
  const errors = [...syntax, ...registry.findings].filter(
    f => f.severity === 'error',
  ).length;
  const entities = registry.services.size + registry.projects.size;
  const summary = [
    `${entities} entities from ${current.length} files`,
    `0 written, 0 removed`,
    ...(errors ? [`${errors} errors in the registry`] : []),
    ...kept.map(
      path =>
        `kept the last good version of ${path} (${
          syntax.some(f => f.file === path && f.code === FILE_TOO_LARGE_CODE)
            ? 'it is above the size limit'
            : 'it does not parse'
        })`,
    ),
  ].join('; ');
  return {
    providerId: options.providerId ?? 'default',
    registry,
    findings,
    state: kept.length ? 'degraded' : 'ok',
    summary,
    updatedAt: '2026-01-15T08:30:00.000Z',
    rootLocation: options.rootLocation ?? LOCAL_ROOT,
  };
}

/**
 * What the backend's `GET /findings` answers for a snapshot and a query (the same function the
 * backend's route calls). For `project=:global`, like the route: the findings about no project,
 * in `services/catalog.toml` or about a global service.
 */
export function findingsResponse(
  snapshot: FindingsSnapshot,
  query: FindingsRequestOptions = {},
): FindingsResponse {
  if (query.project !== GLOBAL_PROJECT_ID) {
    return buildFindingsResponse(snapshot, query);
  }
  const body = buildFindingsResponse(snapshot, {
    ...query,
    project: undefined,
  });
  const services = snapshot.registry.services;
  body.items = body.items.filter(
    f =>
      f.project === undefined &&
      (f.file === 'services/catalog.toml' ||
        (f.service !== undefined &&
          services.has(f.service) &&
          services.get(f.service)!.project === undefined)),
  );
  return body;
}

/**
 * A `getFindings` implementation answering from a snapshot, for `mockServiceRegistryApi`.
 */
export function getFindingsFrom(
  snapshot: FindingsSnapshot,
): (options?: FindingsRequestOptions) => Promise<FindingsResponse> {
  return async (options = {}) => findingsResponse(snapshot, options);
}

/**
 * The first finding of a snapshot with this code (and service): tests take positions from it,
 * so they follow the loader's positions instead of repeating them.
 */
export function findingOf(
  snapshot: FindingsSnapshot,
  code: string,
  service?: string,
): RegistryFinding {
  const found = snapshot.findings.find(
    f => f.code === code && (service === undefined || f.service === service),
  );
  if (!found) throw new Error(`the fixture has no ${code} finding`);
  return found;
}

/** `file:line:column` of a finding. */
export const whereOf = (f: RegistryFinding) =>
  `${f.file}:${f.line}:${f.column}`;

/** The link the backend gives a finding of a registry read from {@link GITHUB_ROOT}. */
export const githubLineOf = (f: RegistryFinding) =>
  `${GITHUB_ROOT.slice('url:'.length)}${f.file}#L${f.line}`;
