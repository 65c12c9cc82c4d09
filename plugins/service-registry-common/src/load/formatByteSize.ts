const UNITS: Array<[string, number]> = [
  ['GiB', 2 ** 30],
  ['MiB', 2 ** 20],
  ['KiB', 2 ** 10],
];

/**
 * A size for people, with the exact count of bytes when a larger unit rounds it:
 * `16 MiB (16777216 bytes)`, `40.5 MiB (42467328 bytes)`, `900 bytes`. For the messages about a
 * registry file above the readers' size limit.
 *
 * @param bytes - a whole number of bytes
 * @public
 */
export function formatByteSize(bytes: number): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${
        Number.isInteger(value) ? value : value.toFixed(1)
      } ${unit} (${bytes} bytes)`;
    }
  }
  return `${bytes} bytes`;
}
