import { RegistryFinding } from '@service-registry/plugin-service-registry-common';
import { findingFingerprints } from './findingFingerprints';
import { repositoryPath } from './repositoryPath';

/** The SARIF version the `sarif` format writes. */
export const SARIF_VERSION = '2.1.0';

/** The key of the CLI's own fingerprint in each result's `partialFingerprints`. */
export const SARIF_FINGERPRINT_KEY = 'serviceRegistryFinding/v1';

/** One result of the SARIF log: a finding at its place. */
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
      region: { startLine: number; startColumn: number };
    };
  }>;
  partialFingerprints: Record<string, string>;
}

/** The SARIF log the `sarif` format writes: one run of the `service-registry` tool. */
export interface SarifLog {
  $schema: string;
  version: typeof SARIF_VERSION;
  runs: Array<{
    tool: {
      driver: {
        name: 'service-registry';
        rules: Array<{ id: string; name: string }>;
      };
    };
    columnKind: 'utf16CodeUnits';
    originalUriBaseIds: { '%SRCROOT%': { description: { text: string } } };
    results: SarifResult[];
  }>;
}

const LEVEL: Record<RegistryFinding['severity'], SarifResult['level']> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** A rule's `name`: its code in PascalCase (`dependency/missing-required` → `DependencyMissingRequired`). */
function ruleName(code: string): string {
  return code
    .split(/[/-]/)
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** A path as a relative URI reference: each segment percent-encoded, the `/` kept. */
function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * Findings as a SARIF 2.1.0 log, for GitHub's code scanning (`github/codeql-action/upload-sarif`)
 * and other tools that read SARIF: every finding is an alert at its file, line and column, not
 * only the 10 of each kind GitHub shows as a step's annotations.
 *
 * Each finding's code is its `ruleId` (and a rule of the run's tool); an error is `error`, a
 * warning `warning`, an info `note`. Paths are relative to the root of the git repository
 * (`%SRCROOT%`), as the `github` format's; a credential a path holds is `(hidden)`. Columns count
 * UTF-16 code units, as in every format (`columnKind`). `partialFingerprints` carries
 * {@link findingFingerprints}' under {@link SARIF_FINGERPRINT_KEY}, so that an alert follows its
 * problem when lines are added above it.
 *
 * @param findings - in the order they are reported
 * @param options - `root`: the registry root relative to the repository root
 */
export function sarifLog(
  findings: RegistryFinding[],
  options: { root: string },
): SarifLog {
  const codes = [...new Set(findings.map(f => f.code))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const fingerprint = findingFingerprints();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'service-registry',
            rules: codes.map(code => ({ id: code, name: ruleName(code) })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: {
          '%SRCROOT%': {
            description: { text: 'The root of the git repository' },
          },
        },
        results: findings.map(f => {
          const file = repositoryPath(f.file, options.root);
          return {
            ruleId: f.code,
            ruleIndex: ruleIndex.get(f.code)!,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: {
                    uri: uriOf(file),
                    uriBaseId: '%SRCROOT%',
                  },
                  region: {
                    startLine: f.file ? f.line : 1,
                    startColumn: f.file ? f.column : 1,
                  },
                },
              },
            ],
            partialFingerprints: {
              [SARIF_FINGERPRINT_KEY]: fingerprint({
                code: f.code,
                path: file,
                message: f.message,
              }),
            },
          };
        }),
      },
    ],
  };
}

/**
 * {@link sarifLog} as the document the CLI prints: JSON, with a newline at its end.
 *
 * @param findings - in the order they are reported
 * @param options - `root`: the registry root relative to the repository root
 */
export function formatFindingsSarif(
  findings: RegistryFinding[],
  options: { root: string },
): string {
  return `${JSON.stringify(sarifLog(findings, options), null, 2)}\n`;
}
