import { InputError } from '@backstage/errors';
import {
  DEFAULT_MAX_REGISTRY_FILE_BYTES,
  MAX_REGISTRY_FILE_BYTES_LIMIT,
  RegistryReadOptions,
} from '@service-registry/plugin-service-registry-common';
import { z } from 'zod';

const maxFileBytesSchema = z
  .number()
  .int()
  .positive()
  .max(MAX_REGISTRY_FILE_BYTES_LIMIT);

/**
 * The readers' size limit: `options.maxFileBytes`, or the default when it is not given. Throws
 * an `InputError` for a value that is not a positive whole number of bytes up to
 * `MAX_REGISTRY_FILE_BYTES_LIMIT`.
 *
 * @param options - the reader's options
 */
export function maxFileBytesOption(options: RegistryReadOptions): number {
  const value = options.maxFileBytes ?? DEFAULT_MAX_REGISTRY_FILE_BYTES;
  if (!maxFileBytesSchema.safeParse(value).success) {
    throw new InputError(
      `maxFileBytes must be a positive whole number of bytes up to ${MAX_REGISTRY_FILE_BYTES_LIMIT} (256 MiB, the largest file a reader holds as text), got ${value}; leave it out for the default of ${DEFAULT_MAX_REGISTRY_FILE_BYTES} (16 MiB).`,
    );
  }
  return value;
}
