import { isDeepStrictEqual } from 'node:util';
import { ArrayElementRules } from './editArrayText';
import { normalize } from './editSupport';
import { renderStringLike } from './renderStringLike';
import { renderTomlValue } from './renderToml';

/**
 * The rules for the elements of a list of plain values (`tags`, `governance.approvers`,
 * `compat_with`, ...): an element equal to a wanted one stays as written, and a new string is
 * written in the quotes of its nearest string neighbour; other values are written as TOML writes
 * them.
 */
export const valueEntryRules: ArrayElementRules = {
  same(written, wanted) {
    return isDeepStrictEqual(normalize(written), normalize(wanted));
  },
  sameEntry(written, wanted) {
    return valueEntryRules.same(written, wanted);
  },
  render(wanted, neighbours) {
    if (typeof wanted === 'string') {
      const like = neighbours.find(n => typeof n.value === 'string');
      return { text: renderStringLike(wanted, like), value: wanted };
    }
    return { text: renderTomlValue(wanted), value: wanted };
  },
};
