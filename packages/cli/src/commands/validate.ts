import {
  fitMarkdown,
  loadRegistry,
  renderFindingsMarkdown,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { annotationRoot } from '../lib/annotationRoot';
import { exitCodeFor } from '../lib/exitCode';
import { CUT_NOTICE } from '../lib/cutNotice';
import { CliIO } from '../lib/io';
import { ReportFormat } from '../lib/options';
import { readDirectorySource } from '../lib/readSource';
import { checkRegistryRoot } from '../lib/registryRootNote';
import { annotationLimitNotice, formatFindingsGithub } from '../format/github';
import { findingsInAreas } from '../format/findingAreas';
import { findingsJson } from '../format/json';
import { PLATFORM_REPORTS } from '../format/platformReports';
import { shownFindings } from '../format/shownPaths';
import { formatFindingsText } from '../format/text';

/** The catalog provider's default `sharedSystem`, the System of global services. */
export const DEFAULT_SHARED_SYSTEM = 'shared';

/** Options of `service-registry validate`. */
export interface ValidateOptions {
  dir: string;
  format: ReportFormat;
  today?: string;
  maxWarnings?: number;
  /** Size in bytes above which a registry file is not read (`--max-file-bytes`); default 16 MiB. */
  maxFileBytes?: number;
  /**
   * The catalog provider's name of the System of global services (`--shared-system`, default
   * `shared`): a project named like it is a `catalog/duplicate-entity` error.
   */
  sharedSystem?: string;
  /**
   * Only the findings of these areas of finding codes (`--only dependency,security`), and those of
   * files that could not be read; every finding when undefined.
   */
  only?: string[];
}

/** Validates a registry directory and prints the findings; returns the exit code. */
export async function validateCommand(
  options: ValidateOptions,
  io: CliIO,
): Promise<number> {
  const source = await readDirectorySource(options.dir, {
    maxFileBytes: options.maxFileBytes,
  });
  checkRegistryRoot(source, io);
  // with the catalog provider's findings: the pull request shows what the catalog would
  const all = validateRegistry(loadRegistry(source.files), {
    today: options.today,
    catalog: { sharedSystem: options.sharedSystem ?? DEFAULT_SHARED_SYSTEM },
  });
  // a CI step of its own per area (--only security): the exit code follows what is shown
  const findings = findingsInAreas(all, options.only);
  switch (options.format) {
    case 'json':
      io.stdout(
        `${JSON.stringify(findingsJson(findings, source.label), null, 2)}\n`,
      );
      break;
    case 'markdown':
      io.stdout(
        fitMarkdown(
          limits =>
            renderFindingsMarkdown(shownFindings(findings), {
              title: 'Service registry validation',
              ...limits,
            }),
          { findings: findings.length, cutNotice: CUT_NOTICE },
        ),
      );
      break;
    case 'gitlab':
    case 'sarif':
      io.stdout(
        PLATFORM_REPORTS[options.format](findings, {
          root: await annotationRoot(options.dir, io.cwd),
        }),
      );
      break;
    case 'github':
      io.stdout(annotationLimitNotice(findings));
      io.stdout(
        formatFindingsGithub(findings, {
          root: await annotationRoot(options.dir, io.cwd),
        }),
      );
      break;
    default:
      io.stdout(
        formatFindingsText(findings, {
          root: source.displayRoot,
          color: io.isTTY,
        }),
      );
  }
  return exitCodeFor(findings, { maxWarnings: options.maxWarnings }, io);
}
