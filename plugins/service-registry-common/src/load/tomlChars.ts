/*
 * Character codes of TOML syntax, for the scanners that read a TOML text character by character
 * (`charCodeAt` comparisons: no one-character strings are made).
 */

/** `\t` */
export const TAB = 9;
/** `\n` */
export const LF = 10;
/** `\r` */
export const CR = 13;
/** ` ` */
export const SPACE = 32;
/** `"` */
export const QUOTE = 34;
/** `#` */
export const HASH = 35;
/** `'` */
export const APOSTROPHE = 39;
/** `,` */
export const COMMA = 44;
/** `.` */
export const DOT = 46;
/** `=` */
export const EQUALS = 61;
/** `[` */
export const OPEN_BRACKET = 91;
/** `\` */
export const BACKSLASH = 92;
/** `]` */
export const CLOSE_BRACKET = 93;
/** `{` */
export const OPEN_BRACE = 123;
/** `}` */
export const CLOSE_BRACE = 125;

/** Whether a character may stand in a bare key: `A-Z a-z 0-9 _ -`. */
export function isBareKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    c === 95 || // _
    c === 45 // -
  );
}
