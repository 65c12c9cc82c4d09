import { UnreadHeadFile } from '../diff/types';
import { TOML_SYNTAX_CODE } from '../load/unreadFileFinding';
import { declaredServicesSubject } from './declaredServices';

/**
 * A file of head that contributed nothing, for people, and how the diff compared it: "In head,
 * projects/shop/services.toml does not parse (line 3, column 7): its services shop-api, shop-web
 * are compared as in base, whose version the catalog keeps until the file is fixed." A file base
 * has no version of is said to be left out of the diff.
 *
 * @param unread - an entry of `diff.unreadHeadFiles`
 * @param format - how the file and service ids are written (default: as they are; the markdown
 *   report uses inline code)
 * @public
 */
export function describeUnreadHeadFile(
  unread: UnreadHeadFile,
  format: (text: string) => string = text => text,
): string {
  const where =
    unread.code === TOML_SYNTAX_CODE
      ? ` (line ${unread.position.line}, column ${unread.position.column})`
      : '';
  const head = `In head, ${format(unread.file)} ${unread.reason}${where}`;
  if (!unread.comparedAsInBase) {
    return `${head}: base has no version of it that was read, so what it declares is left out of the diff.`;
  }
  const subject = declaredServicesSubject(unread.services, format, 'it is');
  return `${head}: ${subject} compared as in base, whose version the catalog keeps until the file is fixed.`;
}
