/**
 * A text for a message: as it is when it has at most `max` UTF-16 code units, else its first
 * `max` code units followed by `…`, one fewer when the cut would split a surrogate pair (an emoji
 * or another character beyond the Basic Multilingual Plane), so that a message never holds half
 * a character.
 *
 * @param text - the text
 * @param max - the most code units kept
 */
export function shortText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end =
    max > 0 &&
    isHighSurrogate(text.charCodeAt(max - 1)) &&
    isLowSurrogate(text.charCodeAt(max))
      ? max - 1
      : max;
  return `${text.slice(0, end)}…`;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
