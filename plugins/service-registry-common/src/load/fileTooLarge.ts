import { RegistryFileInput } from '../model/types';
import { pathInMessage } from './controlCharacterPattern';
import { ParseTomlResult } from './parseToml';
import { FILE_TOO_LARGE_CODE } from './unreadFileFinding';
import { formatByteSize } from './formatByteSize';

/**
 * The outcome of a file that a reader did not read because it is larger than its limit (see
 * `RegistryFileInput.tooLarge`): a `toml/file-too-large` error at the start of the file, naming
 * the size, the limit and how to fix it. Like a file that does not parse, the file contributes
 * nothing and counts among the loader's failed files (the catalog keeps its last good version).
 *
 * @param path - the file's path relative to the registry root
 * @param tooLarge - the file's size and the reader's limit
 */
export function tooLargeResult(
  path: string,
  tooLarge: NonNullable<RegistryFileInput['tooLarge']>,
): ParseTomlResult {
  const { bytes, limit } = tooLarge;
  return {
    ok: false,
    finding: {
      severity: 'error',
      code: FILE_TOO_LARGE_CODE,
      message: `${pathInMessage(path)} was not read: it is ${formatByteSize(
        bytes,
      )}, above the limit of ${formatByteSize(
        limit,
      )} for a registry file. Registry files are far smaller (10 000 services take about 3.5 MB): if it is a generated file gone wrong or was committed by mistake (a log, a dump), fix or remove it; if its content belongs there, split it over several registry files (services into projects/<project>/services.toml, policies into several policies/<name>.toml), or raise the limit of the registry readers (maxFileBytes). The file is ignored until then.`,
      file: path,
      line: 1,
      column: 1,
    },
  };
}
