import {
  classifyRegistryFile,
  declaredServiceHeaders,
  intendedRegistryPath,
  LoadedRegistry,
  loadRegistry,
  LoadRegistryOptions,
  RegistryFileInput,
  RegistryFinding,
  SourcePosition,
} from '@service-registry/plugin-service-registry-common';
import { holdsNothing } from './holdsNothing';
import { declarationsBefore } from './keptDeclarations';
import {
  filesWithSchemaErrors,
  hasNewSchemaErrors,
  isSchemaError,
} from './newSchemaErrors';
import { processingStage } from './processingStage';
import { declaresServices } from './registryLayoutFiles';

/**
 * What a provider's earlier runs left for this one: the text of the files as last applied, and
 * the declarations of duplicated service ids they kept (see `ProviderStateStore`).
 */
export interface LastGoodState {
  /** The last applied text of the given files, by path (a file never applied is absent). */
  getFiles(paths: string[]): Promise<Map<string, string>>;
  /** The file whose declaration of each duplicated service id the last run kept. */
  getKeptDeclarations(): Promise<Map<string, string> | undefined>;
}

/** The registry a run takes, and which files it did not take as read (and why). */
export interface LastGoodLoad {
  /** The registry loaded from {@link LastGoodLoad.effectiveFiles}, with every finding of the run's files. */
  registry: LoadedRegistry;
  /** The files the registry was loaded from: as read, or at their last good versions. */
  effectiveFiles: RegistryFileInput[];
  /**
   * The files taken at their last good version: they do not parse, hold nothing where they
   * declared services, or are missing while a misnamed file stands in their place.
   */
  kept: string[];
  /** The files that do not parse and have no last good version: left out. */
  dropped: string[];
  /** The files with new schema errors taken at their last good version, with the first error. */
  keptInvalid: Map<string, RegistryFinding>;
  /** Those of `kept` that hold no table or key (a `catalog/file-emptied` warning says so). */
  keptEmptied: Set<string>;
  /** Those of `kept` that are missing, by the misnamed file found instead (`services.TOML`). */
  keptForMisnamed: Map<string, string>;
  /** The files taken as read that hold a table the loader ignores (`[services.<id>]`). */
  misspelt: Set<string>;
}

/**
 * Loads the files of a run, taking the last good version of each file the run cannot take as
 * read, so that the catalog loses nothing it has ingested:
 *
 * - a file that does not parse (without a last good version it is left out; it is still loaded
 *   to report its errors and let the loader know what it was meant to hold);
 * - a file whose declarations have schema errors its last good version did not have (a mistyped
 *   value, an unknown status, an invalid id would otherwise drop a field or a service);
 * - a services file that holds nothing (0 bytes, comments only) where its last good version
 *   declared services: a truncated write or a bad merge (deleting the file removes its services);
 * - a layout file missing while the same name with `.toml` in another case is there.
 *
 * A service id that a project declares while another project's declaration is ingested stays
 * that project's: the new declaration is the duplicate. The last good versions' own findings are
 * replaced by the findings of the files as read.
 *
 * @param files - the files of the run, as read
 * @param lastGood - what the earlier runs applied
 */
export async function loadWithLastGoodFiles(
  files: RegistryFileInput[],
  lastGood: LastGoodState,
): Promise<LastGoodLoad> {
  let registry = processingStage('loaded', () => loadRegistry(files));
  const misspelt = new Set(
    registry.findings
      .filter(f => f.code === 'schema/unknown-table')
      .map(f => f.file),
  );
  const kept: string[] = [];
  const dropped: string[] = [];
  let effectiveFiles = files;
  // the files that fail without a last good version: not kept as good, but still loaded (they
  // fail again, with their findings), so that the loader knows what they were meant to hold
  let droppedFiles: RegistryFileInput[] = [];
  // what the new version of a catalog kept at its last good version declares: the projects'
  // overrides of its new services are not applied, rather than becoming project services
  let unreadGlobals: Map<string, SourcePosition> | undefined;
  // what the new version of a project's services file kept at its last good version declares:
  // a dependency on a service only it adds is not reported missing while the file is kept
  let unreadProjectServices: Map<string, SourcePosition> | undefined;
  const load = (options?: LoadRegistryOptions) =>
    processingStage('loaded', () =>
      loadRegistry([...effectiveFiles, ...droppedFiles], {
        ...options,
        unreadGlobals,
        unreadProjectServices,
      }),
    );
  const failed = new Set(registry.failedFiles);
  const invalidFiles = filesWithSchemaErrors(registry.findings);
  const keptInvalid = new Map<string, RegistryFinding>();
  const newFindings: RegistryFinding[] = [];
  const emptied = new Set(
    files
      .filter(
        file =>
          !failed.has(file.path) &&
          declaresServices(file.path) &&
          holdsNothing(file.text),
      )
      .map(file => file.path),
  );
  const keptEmptied = new Set<string>();
  if (failed.size > 0 || invalidFiles.size > 0 || emptied.size > 0) {
    const good = await lastGood.getFiles([
      ...failed,
      ...invalidFiles,
      ...emptied,
    ]);
    effectiveFiles = files.flatMap(file => {
      const goodText = good.get(file.path);
      if (failed.has(file.path)) {
        if (goodText === undefined) {
          dropped.push(file.path);
          return [];
        }
        kept.push(file.path);
      } else if (emptied.has(file.path)) {
        if (
          goodText === undefined ||
          declaredServiceHeaders(file.path, goodText).size === 0
        ) {
          return [file];
        }
        kept.push(file.path);
        keptEmptied.add(file.path);
      } else if (
        !invalidFiles.has(file.path) ||
        goodText === undefined ||
        goodText === file.text ||
        !hasNewSchemaErrors(
          file.path,
          file.text,
          registry.findings.filter(
            f => f.file === file.path && isSchemaError(f),
          ),
          goodText,
        )
      ) {
        // a new file with schema errors is ingested as written, and so is a file whose errors
        // its last good version had already (keeping that version would drop nothing less)
        return [file];
      } else {
        keptInvalid.set(
          file.path,
          registry.findings.find(
            f => f.file === file.path && isSchemaError(f),
          )!,
        );
      }
      return [{ path: file.path, text: goodText }];
    });
    if (kept.length > 0 || dropped.length > 0 || keptInvalid.size > 0) {
      droppedFiles = files.filter(file => dropped.includes(file.path));
      for (const file of files) {
        if (!kept.includes(file.path) && !keptInvalid.has(file.path)) continue;
        const kind = classifyRegistryFile(file.path);
        if (kind.kind === 'catalog') {
          unreadGlobals = declaredServiceHeaders(
            file.path,
            file.text,
            unreadGlobals,
          );
        } else if (kind.kind === 'project' && kind.file === 'services') {
          unreadProjectServices = declaredServiceHeaders(
            file.path,
            file.text,
            unreadProjectServices,
          );
        }
      }
      // what the new versions say (a dropped file's errors come again with the load); an
      // emptied file says only that it is empty
      newFindings.push(
        ...registry.findings.filter(
          f =>
            (kept.includes(f.file) && !keptEmptied.has(f.file)) ||
            keptInvalid.has(f.file),
        ),
        ...[...keptEmptied].map(emptiedFileFinding),
      );
      registry = load();
    }
  }
  // A layout file saved with `.toml` in another case (`services.TOML`) is no file of the
  // layout, and the file it means is missing: its last good version is kept in its place, as
  // for a file that does not parse, rather than its services, System and Groups removed.
  const misnamed = new Map<string, string>();
  const present = new Set(files.map(file => file.path));
  for (const file of files) {
    const intended = intendedRegistryPath(file.path);
    if (intended && !present.has(intended)) misnamed.set(intended, file.path);
  }
  const keptForMisnamed = new Map<string, string>();
  if (misnamed.size > 0) {
    const good = await lastGood.getFiles([...misnamed.keys()]);
    for (const [intended, path] of misnamed) {
      const goodText = good.get(intended);
      if (goodText === undefined) continue;
      effectiveFiles = [...effectiveFiles, { path: intended, text: goodText }];
      kept.push(intended);
      keptForMisnamed.set(intended, path);
    }
    if (keptForMisnamed.size > 0) registry = load();
  }
  const preferredDeclarations = await declarationsBefore(
    registry,
    paths => lastGood.getFiles(paths),
    () => lastGood.getKeptDeclarations(),
  );
  if (preferredDeclarations) {
    registry = load({ preferredDeclarations });
  }
  if (keptInvalid.size > 0) {
    // in the place of the last good versions' own findings
    registry.findings = registry.findings.filter(f => !keptInvalid.has(f.file));
  }
  registry.findings.unshift(...newFindings);
  return {
    registry,
    effectiveFiles,
    kept,
    dropped,
    keptInvalid,
    keptEmptied,
    keptForMisnamed,
    misspelt,
  };
}

function emptiedFileFinding(file: string): RegistryFinding {
  return {
    severity: 'warning',
    code: 'catalog/file-emptied',
    message: `${file} holds no table or key, where its last good version declared services: the catalog keeps that version. Delete the file (or its project's folder) to remove its services, or restore it.`,
    file,
    line: 1,
    column: 1,
  };
}
