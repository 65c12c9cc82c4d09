import { RegistryFileInput } from '@service-registry/plugin-service-registry-common';

/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms,
 * surrogates and code points above U+10FFFF are not), or -1.
 *
 * @param bytes - the bytes
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    let continuation: number;
    if (lead >= 0xc2 && lead <= 0xdf) continuation = 1;
    else if (lead >= 0xe0 && lead <= 0xef) continuation = 2;
    else if (lead >= 0xf0 && lead <= 0xf4) continuation = 3;
    else return i;
    if (i + continuation >= bytes.length) return i;
    for (let k = 1; k <= continuation; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1];
    if (
      (lead === 0xe0 && second < 0xa0) ||
      (lead === 0xed && second > 0x9f) ||
      (lead === 0xf0 && second < 0x90) ||
      (lead === 0xf4 && second > 0x8f)
    ) {
      return i;
    }
    i += continuation + 1;
  }
  return -1;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A registry file's bytes as loader input: the text when they are UTF-8 (a BOM kept, for the
 * loader to strip), else the text with U+FFFD in place of the bad bytes and `notUtf8` saying
 * where the first one is, so that the loader reports the file at that line and column instead
 * of loading mangled names.
 *
 * @param path - the file's path relative to the registry root
 * @param bytes - the file's content
 * @public
 */
export function decodeRegistryFile(
  path: string,
  bytes: Uint8Array,
): RegistryFileInput {
  try {
    return { path, text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const text = lenient.decode(bytes);
    if (offset < 0) return { path, text };
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    // a BOM is no column: the loader strips it, and positions in the rest of the file skip it
    const bom =
      lineStart === 0 &&
      bytes[0] === 0xef &&
      bytes[1] === 0xbb &&
      bytes[2] === 0xbf
        ? 3
        : 0;
    const before = lenient.decode(bytes.subarray(lineStart + bom, offset));
    return {
      path,
      text,
      notUtf8: { line, column: before.length + 1, byte: bytes[offset] },
    };
  }
}
