/** A blank the runner trims before a command (.NET's white space, NEL too), not a line break. */
const BLANK = '[^\\S\\r\\n]|\\u0085';
const BLANKS = new RegExp(`^(?:${BLANK})*$`);
/** A `:` after only blanks at the start of the text. */
const LEADING_COLON = new RegExp(`^((?:${BLANK})*):`);
/** A `:` after only blanks at the start of a line after a line break of the text. */
const LINE_START_COLON = new RegExp(`([\\r\\n](?:${BLANK})*):`, 'g');

/**
 * A writer that keeps text from the registry from acting as a GitHub Actions workflow command
 * when a CI step prints it in its log. The runner takes a line that starts with `::` once its
 * leading blanks are trimmed as a command (`::error::…`, `::stop-commands::…`), and a `##[`
 * anywhere in a line as one in the legacy form (`##[error]…`); a file or folder name, or a value
 * that a message quotes, could otherwise forge an annotation or stop the step's real ones. The
 * `[` of `##[` is written `\u005b`, and a `:` that starts a line (after blanks) `\u003a`, as the
 * text output writes control characters: in a JSON string that is the same character, so a JSON
 * document stays the same document. Lines end at CR or LF, as the runner reads them; the state
 * carries over from one write to the next, since a line may be written in pieces.
 *
 * @param write - where the guarded text goes
 * @returns the guarded writer
 */
export function guardWorkflowCommands(
  write: (text: string) => void,
): (text: string) => void {
  // only blanks since the last line break (true at the start of the output)
  let atLineStart = true;
  // the last two characters written, for a `##[` split across writes
  let tail = '';
  return text => {
    if (text === '') return;
    let out = text.replace(/##\[/g, '##\\u005b');
    // a `##[` whose `#`s ended the previous write
    if (
      (tail === '##' && text.startsWith('[')) ||
      (tail.endsWith('#') && text.startsWith('#['))
    ) {
      const at = text.indexOf('[');
      out = `${text.slice(0, at)}\\u005b${out.slice(at + 1)}`;
    }
    if (atLineStart) out = out.replace(LEADING_COLON, '$1\\u003a');
    out = out.replace(LINE_START_COLON, '$1\\u003a');
    tail = (tail + text).slice(-2);
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    const lastLine = text.slice(lastBreak + 1);
    atLineStart = (lastBreak >= 0 || atLineStart) && BLANKS.test(lastLine);
    write(out);
  };
}
