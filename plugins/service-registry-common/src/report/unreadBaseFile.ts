import { UnreadBaseFile } from '../diff/types';
import { declaredServicesSubject } from './declaredServices';

/**
 * How {@link describeUnreadBaseFile} writes the file.
 *
 * @public
 */
export interface DescribeUnreadBaseFileOptions {
  /** How the location and service ids are written (the markdown report uses inline code). */
  format?: (text: string) => string;
  /**
   * The file as shown (`main:reg/projects/shop/services.toml`, joined to where base was read);
   * default its path relative to the registry root.
   */
  shownPath?: string;
  /** What the base is, said after the location (`the merge base of main and HEAD`). */
  note?: string;
}

/**
 * A file of base that contributed nothing, for people, at its `file:line:column`: "In base,
 * main:reg/projects/shop/services.toml:3:7 does not parse: its services shop-api, shop-web are
 * not compared (taken as head has them), so a breaking change to them is not reported."
 *
 * @param unread - the file (see `baseAsInHead`)
 * @param options - how the file is written
 * @public
 */
export function describeUnreadBaseFile(
  unread: UnreadBaseFile,
  options: DescribeUnreadBaseFileOptions = {},
): string {
  const format = options.format ?? (text => text);
  const file = options.shownPath ?? unread.file;
  const where = `${format(
    `${file}:${unread.position.line}:${unread.position.column}`,
  )}${options.note ? ` (${options.note})` : ''}`;
  const base = `In base, ${where} ${unread.reason}`;
  if (!unread.comparedAsInHead) {
    return `${base}: head has no version of it that was read either, so what it declares is left out of the diff.`;
  }
  const { services } = unread;
  const subject = declaredServicesSubject(
    services,
    format,
    'what it declares is',
  );
  const them = services.length > 1 ? 'them' : 'it';
  return `${base}: ${subject} not compared (taken as head has ${them}), so a breaking change to ${them} is not reported.`;
}
