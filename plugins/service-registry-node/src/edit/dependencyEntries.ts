import { isDeepStrictEqual } from 'node:util';
import { parseDependencyString } from '@service-registry/plugin-service-registry-common';
import { normalize } from './editSupport';
import { ArrayElementRules, WrittenElement } from './editArrayText';
import { renderStringLike } from './renderStringLike';
import {
  isTable,
  renderTomlKey,
  renderTomlValue,
  TomlEditValue,
} from './renderToml';

/** What a dependency entry says: the service and the range, however it is written. */
interface DependencyMeaning {
  service: string;
  range?: string;
}

/**
 * Reads an entry of `dependencies.requires` or `dependencies.optional` as the registry does:
 * `"id"`, `"id@<range>"` or `{ service = "id", version = "<range>" }`. Anything else is not an
 * entry (it is then compared as a plain value).
 */
function meaningOf(value: unknown): DependencyMeaning | undefined {
  if (typeof value === 'string') return parseDependencyString(value);
  if (
    isTable(value) &&
    typeof value.service === 'string' &&
    (value.version === undefined || typeof value.version === 'string') &&
    Object.keys(value).every(k => k === 'service' || k === 'version')
  ) {
    return { service: value.service, range: value.version as string };
  }
  return undefined;
}

/** An entry as an inline table, spaced and ordered like the inline table it is written like. */
function renderTable(
  entry: DependencyMeaning,
  like: WrittenElement,
): { text: string; value: TomlEditValue } {
  const { text, node } = like;
  const single = (s: string, pattern: RegExp, fallback: string) =>
    pattern.test(s) ? s : fallback;
  let open = ' ';
  let close = ' ';
  let equals = ' = ';
  let separator = ', ';
  let versionFirst = false;
  let quoteLike: WrittenElement | undefined;
  if (node.kind === 'inlineTable' && node.items.length > 0) {
    const { items } = node;
    const first = items[0];
    const last = items[items.length - 1];
    open = single(text.slice(node.start + 1, first.start), /^[ \t]*$/, ' ');
    close = single(
      text.slice(last.comma === -1 ? last.end : last.comma + 1, node.end - 1),
      /^[ \t]*$/,
      ' ',
    );
    equals = single(
      text.slice(first.keyEnd, first.value.start),
      /^[ \t]*=[ \t]*$/,
      ' = ',
    );
    if (items.length > 1 && first.comma !== -1) {
      separator = single(
        text.slice(first.comma, items[1].start),
        /^,[ \t]*$/,
        ', ',
      );
    }
    const at = (key: string) =>
      items.findIndex(i => i.key.length === 1 && i.key[0] === key);
    versionFirst = at('version') !== -1 && at('version') < at('service');
    const service = items[at('service')];
    if (service) quoteLike = { text, node: service.value, value: undefined };
  }
  const parts = [
    `${renderTomlKey('service')}${equals}${renderStringLike(
      entry.service,
      quoteLike,
    )}`,
  ];
  const value: { [key: string]: TomlEditValue } = { service: entry.service };
  if (entry.range !== undefined) {
    const version = `${renderTomlKey('version')}${equals}${renderStringLike(
      entry.range,
      quoteLike,
    )}`;
    if (versionFirst) parts.unshift(version);
    else parts.push(version);
    value.version = entry.range;
  }
  return { text: `{${open}${parts.join(separator)}${close}}`, value };
}

/**
 * The rules for the elements of `dependencies.requires` and `dependencies.optional`: an entry
 * that says the same as the wanted one stays as written (`{ service = "a", version = "^1" }` for
 * `"a@^1"`); an entry of the same service with another range is rewritten in its own form; a new
 * entry takes the form most entries of the list have (an inline table in a list of inline tables,
 * else a string; on a tie, the form of its nearest neighbour), spaced and quoted like the nearest
 * entry of that form.
 */
export const dependencyEntryRules: ArrayElementRules = {
  same(written, wanted) {
    const a = meaningOf(written);
    const b = meaningOf(wanted);
    if (a && b) return a.service === b.service && a.range === b.range;
    return !a && !b && isDeepStrictEqual(normalize(written), normalize(wanted));
  },
  sameEntry(written, wanted) {
    const a = meaningOf(written);
    const b = meaningOf(wanted);
    if (a && b) return a.service === b.service;
    return dependencyEntryRules.same(written, wanted);
  },
  render(wanted, neighbours) {
    const entry = meaningOf(wanted);
    // the form most entries have (inline tables or strings); on a tie, the nearest one's
    const tables = neighbours.filter(n => isTable(n.value));
    const strings = neighbours.filter(n => typeof n.value === 'string');
    let like: WrittenElement | undefined;
    if (tables.length !== strings.length) {
      like = tables.length > strings.length ? tables[0] : strings[0];
    } else {
      like = neighbours.find(
        n => isTable(n.value) || typeof n.value === 'string',
      );
    }
    if (entry && like && isTable(like.value)) {
      return renderTable(entry, like);
    }
    if (entry && like && typeof like.value === 'string') {
      let written: string | undefined;
      if (typeof wanted === 'string') written = wanted;
      else if (!entry.service.includes('@')) {
        written =
          entry.range === undefined
            ? entry.service
            : `${entry.service}@${entry.range}`;
      }
      if (written !== undefined) {
        return { text: renderStringLike(written, like), value: written };
      }
    }
    return { text: renderTomlValue(wanted), value: wanted };
  },
};
