/**
 * How deep the copies of registry data that the suite hands out go (the backend's answers,
 * `hideSecretValues`; the values of a registry diff's field changes): an array or object this many
 * levels down that holds anything is replaced by {@link LEFT_OUT_TOO_DEEP}. A JSON encoder
 * recurses and overflows its stack a few thousand levels down (`JSON.stringify`, and `res.json`
 * with it); registry values as written can be nested that deep (a dotted key of thousands of
 * parts), and validation reports any deeper than `MAX_NESTING_DEPTH` parts from the top of their
 * file (`toml/nesting-too-deep`). Answers and reports hold registry tables a few levels down, so
 * what validation accepts is handed out whole.
 *
 * @public
 */
export const MAX_SERVED_DEPTH = 100;

/**
 * What is handed out in place of an array or object {@link MAX_SERVED_DEPTH} levels down that
 * holds anything.
 *
 * @public
 */
export const LEFT_OUT_TOO_DEEP = `(left out: nested more than ${MAX_SERVED_DEPTH} levels deep)`;

/**
 * Whether a copy leaves out an array or object: it is {@link MAX_SERVED_DEPTH} or more levels
 * down and holds anything (what it holds would be deeper).
 *
 * @param container - the array or object
 * @param depth - how many levels down it is (the copied value itself: 0)
 */
export function isLeftOutTooDeep(container: object, depth: number): boolean {
  if (depth < MAX_SERVED_DEPTH) return false;
  if (Array.isArray(container)) return container.length > 0;
  for (const key in container) {
    if (Object.prototype.hasOwnProperty.call(container, key)) return true;
  }
  return false;
}
