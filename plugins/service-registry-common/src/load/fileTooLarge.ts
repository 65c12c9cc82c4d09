import { RegistryFileInput } from '../model/types';
import { ParseTomlResult } from './parseToml';

const UNITS: Array<[string, number]> = [
  ['GiB', 2 ** 30],
  ['MiB', 2 ** 20],
  ['KiB', 2 ** 10],
];

/** A size for people: `16 MiB`, `40.5 MiB`, `900 bytes`. */
function formatSize(bytes: number): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

/**
 * The outcome of a file that a reader did not read because it is larger than its limit (see
 * `RegistryFileInput.tooLarge`): a `toml/syntax` error at the start of the file, like a file that
 * does not parse (the file is ignored, and the catalog keeps its last good version), naming the
 * size, the limit and how to fix it.
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
      code: 'toml/syntax',
      message: `${path} was not read: it is ${formatSize(
        bytes,
      )} (${bytes} bytes), above the limit of ${formatSize(
        limit,
      )} (${limit} bytes) for a registry file. Registry files are far smaller (10 000 services take about 3.5 MB): if it is a generated file gone wrong or was committed by mistake (a log, a dump), fix or remove it; if its content belongs there, split it over several registry files (services into projects/<project>/services.toml, policies into several policies/<name>.toml), or raise the limit of the registry readers (maxFileBytes). The file is ignored until then.`,
      file: path,
      line: 1,
      column: 1,
    },
  };
}
