import { WrittenElement } from './editArrayText';
import { renderTomlValue } from './renderToml';

/** Whether a string can be written as a TOML literal string (`'...'`): no quote, no control. */
function literalSafe(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x27 || c === 0x7f || (c < 0x20 && c !== 0x09)) return false;
  }
  return true;
}

/**
 * A string in the quotes of the element it is written like: a literal string (`'...'`) beside
 * one-line literal strings when it can be one, else a basic string (`"..."`, escaped).
 */
export function renderStringLike(
  value: string,
  like: WrittenElement | undefined,
): string {
  const literal =
    like !== undefined &&
    like.text[like.node.start] === "'" &&
    like.text[like.node.start + 1] !== "'";
  return literal && literalSafe(value) ? `'${value}'` : renderTomlValue(value);
}
