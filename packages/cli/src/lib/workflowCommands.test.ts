import { guardWorkflowCommands } from './workflowCommands';

/** What the guard writes for the given writes, as one text. */
function guarded(...writes: string[]): string {
  let out = '';
  const write = guardWorkflowCommands(text => {
    out += text;
  });
  for (const text of writes) write(text);
  return out;
}

describe('guardWorkflowCommands', () => {
  it('writes the [ of ##[ and a : that starts a line so that the runner reads no command', () => {
    expect(guarded('a ##[error]x\n')).toBe('a ##\\u005berror]x\n');
    expect(guarded('::error::x\n  ::warning::y\r::notice::z')).toBe(
      '\\u003a:error::x\n  \\u003a:warning::y\r\\u003a:notice::z',
    );
    // a : that does not start a line is text
    expect(guarded('a::b\nfile.toml:1:2  error')).toBe(
      'a::b\nfile.toml:1:2  error',
    );
  });

  it('sees a line and a ##[ that are written in pieces', () => {
    expect(guarded('a ##', '[error]x')).toBe('a ##\\u005berror]x');
    expect(guarded('a #', '#[error]x')).toBe('a ##\\u005berror]x');
    expect(guarded('x\n  ', '', '::error::y')).toBe('x\n  \\u003a:error::y');
    expect(guarded('x', '::error::y')).toBe('x::error::y');
    expect(guarded('x\n', 'y', '::error::z')).toBe('x\ny::error::z');
  });

  it('keeps a JSON document the same document', () => {
    const doc = { message: '##[error]x', file: '::error::y.toml' };
    const text = guarded(JSON.stringify(doc, null, 2));
    expect(text).not.toContain('##[');
    expect(JSON.parse(text)).toEqual(doc);
  });
});
