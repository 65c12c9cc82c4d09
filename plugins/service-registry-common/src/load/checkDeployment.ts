import { RegistryProject } from '../model/types';
import { pathInMessage } from './controlCharacterPattern';
import { describeValue } from './describeValue';
import {
  CheckContext,
  checkField,
  checkFieldAt,
  checkTable,
  isTable,
  report,
} from './fieldCheck';
import { percentSpec, stringArraySpec } from './fieldSpecs';
import { fileStart, lazyPositionsUnder, positionIndex } from './filePositions';
import { joinKeyPath, KeyPathPart } from './keyPath';
import { FindingCollector } from './loadState';
import { ParsedTomlFile } from './parseToml';

const REGIONS_PATH: readonly KeyPathPart[] = [
  'deployment',
  'multi-region',
  'regions',
];
const TABLES_PATH: readonly KeyPathPart[] = ['deployment', 'region'];
const TABLES_HEADER = '[deployment.region.<name>]';

/** Tolerance of the traffic split total (`33.3 + 33.3 + 33.4` is not exactly 100 in floats). */
const EPSILON = 1e-9;

/** A region name for messages (hidden when it looks like a credential), and its table header. */
function named(name: string): { shown: string; header: string } {
  const shown = describeValue(name, 'regions');
  return {
    shown,
    header: shown.startsWith('"')
      ? `[${joinKeyPath([...TABLES_PATH, name])}]`
      : TABLES_HEADER,
  };
}

/** A percentage for messages, without floating point noise (`80%`, `99.9%`). */
const percent = (value: number) => `${Number(value.toPrecision(12))}%`;

/** Cross-checks the `regions` list with the region tables. */
function checkListedRegions(
  ctx: CheckContext,
  listed: readonly string[],
  tables: Record<string, unknown>,
): void {
  const known = new Set(listed);
  listed.forEach((name, at) => {
    if (Object.prototype.hasOwnProperty.call(tables, name)) return;
    const { shown, header } = named(name);
    report(
      ctx,
      'warning',
      'deployment/unknown-region',
      `${ctx.subject}: region ${shown} is listed in [deployment.multi-region] regions but has no ${header} table. Add the table (its cluster, traffic_split, canary_percentage), or remove ${shown} from regions.`,
      [...REGIONS_PATH, at],
    );
  });
  for (const name of Object.keys(tables)) {
    if (known.has(name)) continue;
    const { shown, header } = named(name);
    report(
      ctx,
      'warning',
      'deployment/unknown-region',
      `${ctx.subject}: ${
        header === TABLES_HEADER ? `the region table ${shown}` : header
      } is not listed in [deployment.multi-region] regions (${listed
        .map(n => describeValue(n, 'regions').replace(/^"|"$/g, ''))
        .join(
          ', ',
        )}). Add ${shown} to regions, remove the table, or check the spelling.`,
      [...TABLES_PATH, name],
    );
  }
}

/**
 * Checks the traffic splits of the regions deployed to add up to 100%, when each has a valid one.
 */
function checkTrafficTotal(
  ctx: CheckContext,
  regions: readonly string[],
  splits: ReadonlyMap<string, number>,
  listed: boolean,
): void {
  if (regions.length === 0) return;
  let total = 0;
  for (const name of regions) {
    const split = splits.get(name);
    if (split === undefined) return;
    total += split;
  }
  if (Math.abs(total - 100) <= EPSILON) return;
  const parts = regions
    .map(name => {
      const shown = describeValue(name, 'regions').replace(/^"|"$/g, '');
      return `${shown} ${percent(splits.get(name)!)}`;
    })
    .join(', ');
  report(
    ctx,
    'error',
    'deployment/traffic-split-total',
    `${ctx.subject}: the traffic_split of the regions adds up to ${percent(
      total,
    )}, not 100% (${parts}). Change the traffic_split values of ${TABLES_HEADER} so that they add up to 100%.`,
    listed ? REGIONS_PATH : [...TABLES_PATH, regions[0], 'traffic_split'],
  );
}

/**
 * Checks the regions of a project's `deployment.toml`: `[deployment.multi-region] regions`
 * against the `[deployment.region.<name>]` tables (a region listed without a table, or a table
 * not listed: `deployment/unknown-region`, warning), each region's `traffic_split` and
 * `canary_percentage` (percentages, `"50%"` or `50`), and that the traffic splits of the regions
 * deployed to (those listed, else every table) add up to 100% when each has one
 * (`deployment/traffic-split-total`, error). Other keys are free-form. Costs nothing for a file
 * without regions; positions are only looked up for a finding.
 *
 * @param file - the parsed deployment file
 * @param project - the project it belongs to
 * @param collector - receives findings
 */
export function checkDeployment(
  file: ParsedTomlFile,
  project: RegistryProject,
  collector: FindingCollector,
): void {
  const deployment = file.table.deployment;
  if (!isTable(deployment)) return;
  const multiRegion = deployment['multi-region'];
  const rawRegions = isTable(multiRegion) ? multiRegion.regions : undefined;
  if (rawRegions === undefined && deployment.region === undefined) return;
  const ctx = collector.context(
    // the folder name is the project id, which may hold control characters
    pathInMessage(file.path),
    lazyPositionsUnder(positionIndex(file), []),
    fileStart(file.path),
    { project: project.id },
  );
  const listed = checkField(ctx, rawRegions, REGIONS_PATH, stringArraySpec);
  const tables = checkTable(ctx, deployment.region, TABLES_PATH) ?? {};
  const splits = new Map<string, number>();
  for (const name of Object.keys(tables)) {
    const table = checkTable(ctx, tables[name], [...TABLES_PATH, name]);
    if (!table) continue;
    const base = [...TABLES_PATH, name];
    const split = checkFieldAt(
      ctx,
      table.traffic_split,
      base,
      'traffic_split',
      percentSpec,
    );
    if (split !== undefined) splits.set(name, split);
    checkFieldAt(
      ctx,
      table.canary_percentage,
      base,
      'canary_percentage',
      percentSpec,
    );
  }
  if (listed) checkListedRegions(ctx, listed, tables);
  checkTrafficTotal(
    ctx,
    listed ? [...new Set(listed)] : Object.keys(tables),
    splits,
    listed !== undefined,
  );
}
