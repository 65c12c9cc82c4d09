import type { RegistryFileInput } from './types';

/**
 * The size in bytes above which the registry readers do not read a file, unless told otherwise
 * (their `maxFileBytes` option): 16 MiB. A registry file is far smaller (the 10 000 services of
 * the demo's benchmark registry take 3.5 MB in 51 files); a file above it is most likely a
 * generated file gone wrong or a log committed by mistake, which would otherwise be read whole
 * into the backend's memory and parsed.
 *
 * @public
 */
export const DEFAULT_MAX_REGISTRY_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The largest size limit a reader takes (256 MiB): a file above it cannot be held as one string
 * (V8's strings end at about 512 million characters, Node's `readFile` at 2 GiB), so a higher
 * limit would make a large file crash the read instead of being reported as too large.
 *
 * @public
 */
export const MAX_REGISTRY_FILE_BYTES_LIMIT = 256 * 1024 * 1024;

/**
 * Options of the registry readers (`readRegistryDirectory`, `readRegistryFromUrl`).
 *
 * @public
 */
export interface RegistryReadOptions {
  /**
   * Size in bytes above which a file is not read: it is handed to the loader marked
   * `tooLarge`, and the loader reports it and ignores it, as it does a file that does not
   * parse. A positive integer up to {@link MAX_REGISTRY_FILE_BYTES_LIMIT}; defaults to
   * {@link DEFAULT_MAX_REGISTRY_FILE_BYTES}.
   */
  maxFileBytes?: number;
}

/**
 * The loader input for a registry file that was not read because it is larger than the
 * readers' limit: `tooLarge` says its size and the limit. Its `text` is a placeholder that is not
 * valid TOML and names the size, so that code which ignores `tooLarge` sees a file that does
 * not parse (never an empty file, whose services would be dropped or overwritten), and a hash
 * of the files' texts changes with the file's size.
 *
 * @param path - the file's path relative to the registry root
 * @param bytes - the file's size in bytes
 * @param limit - the limit it is above, in bytes
 * @public
 */
export function tooLargeRegistryFile(
  path: string,
  bytes: number,
  limit: number,
): RegistryFileInput {
  return {
    path,
    text: `<not read: ${bytes} bytes, above the limit of ${limit} bytes>\n`,
    tooLarge: { bytes, limit },
  };
}
