import { cell, code, codeCell } from './markdownText';

describe('markdown text helpers', () => {
  // CommonMark ends a line at LF, CR or CRLF: any of them would cut a table row or a list item
  const breaks = 'a\rb\r\nc\nd';

  it('keeps a table cell on one line whatever its line endings', () => {
    expect(cell(breaks)).toBe('a b c d');
    expect(cell('x|y\r')).toBe('x\\|y ');
  });

  it('keeps inline code, in a cell or not, on one line whatever its line endings', () => {
    expect(code(breaks)).toBe('`a b c d`');
    expect(codeCell(`${breaks}|e`)).toBe('`a b c d\\|e`');
  });
});
