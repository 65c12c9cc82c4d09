import { RegistryProject, SourcePosition } from '../model/types';
import { checkField, checkUnknownFields, isTable } from './fieldCheck';
import { describeValue } from './describeValue';
import { checkText } from './controlCharacters';
import { SERVICE_ID_PATTERN, tierSpec } from './fieldSpecs';
import { fileStart, lazyPositionsUnder, positionIndex } from './filePositions';
import {
  escapeControlCharacters,
  pathInMessage,
} from './controlCharacterPattern';
import { joinKeyPath, KeyPathPart, tomlBasicString } from './keyPath';
import { deferred, LAZY_POSITIONS } from './lazy';
import { FindingCollector } from './loadState';
import { ParsedTomlFile } from './parseToml';

const PROJECT_KEYS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'environment',
  'tier',
  'owner',
]);

interface Declaration {
  table: Record<string, unknown>;
  path: KeyPathPart[];
}

function findDeclarations(
  id: string,
  file: ParsedTomlFile,
  collector: FindingCollector,
): Declaration[] {
  const found: Declaration[] = [];
  // the folder name as messages show it: quoted, with its control characters escaped
  const quotedId = tomlBasicString(id);
  const specificHeader = tableLabel(['project-specific', id]);
  const index = positionIndex(file);
  const at = (path: KeyPathPart[]): SourcePosition =>
    index.sourceOf(path) ?? fileStart(file.path);
  const { project, 'project-specific': specific } = file.table;
  if (project !== undefined) {
    if (isTable(project)) found.push({ table: project, path: ['project'] });
    else {
      collector.add(
        'error',
        'schema/invalid-type',
        `project must be a table: write [project] with name, environment, tier and owner.`,
        at(['project']),
        { project: id },
      );
    }
  }
  if (specific !== undefined && !isTable(specific)) {
    collector.add(
      'error',
      'schema/invalid-type',
      `project-specific must be a table of project declarations: write ${specificHeader} with name, environment, tier and owner.`,
      at(['project-specific']),
      { project: id },
    );
  }
  if (isTable(specific)) {
    for (const [key, value] of Object.entries(specific)) {
      if (!isTable(value)) {
        collector.add(
          'error',
          'schema/invalid-type',
          `project-specific.${joinKeyPath([
            key,
          ])} must be a table: write ${specificHeader} with name, environment, tier and owner, got ${describeValue(
            value,
            key,
          )}.`,
          at(['project-specific', key]),
          { project: id },
        );
        continue;
      }
      found.push({ table: value, path: ['project-specific', key] });
      if (key !== id) {
        collector.add(
          'warning',
          'project/id-mismatch',
          `[project-specific.${joinKeyPath([
            key,
          ])}] is in the folder of project ${quotedId}; the folder name is the project id, so this declares ${quotedId}. Rename the table to ${specificHeader} or move the file to projects/${escapeControlCharacters(
            key,
            { lineBreaks: true },
          )}/.`,
          at(['project-specific', key]),
          { project: id },
        );
      }
    }
  }
  return found;
}

/** A declaration's table as written in a header: `[project]`, `[project-specific.shop]`. */
function tableLabel(path: readonly KeyPathPart[]): string {
  return `[${joinKeyPath(path)}]`;
}

/**
 * Builds a project from its folder id and its `services.toml` (if it parsed): the declaration
 * `[project]` or `[project-specific.<id>]`, checked field by field.
 *
 * @param id - the folder name under `projects/`
 * @param file - the parsed `services.toml`, if there is one
 * @param firstFile - the project's first file, where findings about the whole project go
 * @param collector - receives findings
 */
export function buildProject(
  id: string,
  file: ParsedTomlFile | undefined,
  firstFile: string,
  collector: FindingCollector,
): RegistryProject {
  const start = fileStart(file?.path ?? firstFile);
  if (!SERVICE_ID_PATTERN.test(id)) {
    collector.add(
      'warning',
      'schema/invalid-id',
      `Project folder ${tomlBasicString(
        id,
      )} is not a valid project id; rename it to 1 to 63 lowercase letters, digits or "-", starting and ending with a letter or digit.`,
      start,
      { project: id },
    );
  }
  const declarations = file ? findDeclarations(id, file, collector) : [];
  if (file && declarations.length === 0) {
    collector.add(
      'warning',
      'project/missing-declaration',
      `${pathInMessage(
        file.path,
      )} does not declare its project; add a [project] table with name, environment, tier and owner.`,
      start,
      { project: id },
    );
  }
  const index = file ? positionIndex(file) : undefined;
  if (index && declarations.length > 1) {
    // the first declaration in the file is the one used, whichever way each is written
    const order = (d: Declaration) => {
      const at = index.sourceOf(d.path);
      return at ? at.line * 1e6 + at.column : Infinity;
    };
    declarations.sort((a, b) => order(a) - order(b));
  }
  const [declaration, ...extra] = declarations;
  const used = declaration && index?.sourceOf(declaration.path);
  for (const other of extra) {
    collector.add(
      'warning',
      'project/duplicate-declaration',
      `Project ${tomlBasicString(id)} is declared more than once in ${
        file && pathInMessage(file.path)
      }; only the first declaration (${tableLabel(declaration.path)}${
        used ? `, line ${used.line}` : ''
      }) is used, and this one is ignored. Keep a single [project] (or ${tableLabel(
        ['project-specific', id],
      )}) table.`,
      index?.sourceOf(other.path) ?? start,
      { project: id },
    );
  }
  const table = declaration?.table ?? {};
  const source = (declaration && index?.sourceOf(declaration.path)) ?? start;
  // the positions below the declaration need the full scan of the file: looked up lazily
  const none = {};
  const positions =
    declaration && index
      ? lazyPositionsUnder(index, declaration.path)
      : deferred(() => none);
  const ctx = collector.context(
    `Project ${tomlBasicString(id)}`,
    positions,
    source,
    {
      project: id,
    },
  );
  checkUnknownFields(ctx, table, PROJECT_KEYS, []);
  const project = {
    id,
    // free text: without control characters (reported), see checkText
    name: checkText(ctx, table.name, ['name']) ?? id,
    description: checkText(ctx, table.description, ['description']),
    environment: checkText(ctx, table.environment, ['environment']),
    tier: checkField(ctx, table.tier, ['tier'], tierSpec),
    owner: checkText(ctx, table.owner, ['owner']),
    source,
  } as RegistryProject;
  // computed when first read, in the place of the plain property (same key order)
  LAZY_POSITIONS.define(project, positions);
  project.raw = table;
  project.services = [];
  return project;
}
