import {
  controlCharacterPattern,
  escapeControlCharacters,
} from './controlCharacterPattern';
import { hasControlCharacter } from './controlCharacters';

describe('controlCharacterPattern', () => {
  it('matches what loading removes from free text, and with lineBreaks tab and line breaks too', () => {
    const plain = controlCharacterPattern();
    const withBreaks = controlCharacterPattern({ lineBreaks: true });
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const removed = hasControlCharacter(char);
      expect(plain.test(char)).toBe(removed);
      expect(withBreaks.test(char)).toBe(removed || '\t\n\r'.includes(char));
    }
    expect(hasControlCharacter('\u202e')).toBe(true);
    expect(hasControlCharacter('\u200f')).toBe(false);
  });

  it('gives a new global expression on each call', () => {
    const a = controlCharacterPattern({ global: true });
    expect(a.flags).toBe('g');
    expect('a\u0007b\u202ec'.replace(a, '')).toBe('abc');
    expect(controlCharacterPattern({ global: true })).not.toBe(a);
  });
});

describe('escapeControlCharacters', () => {
  it('writes each character loading removes as its \\u escape, and keeps the rest', () => {
    expect(
      escapeControlCharacters('a\u0000b\u007fc\u0085d\u202ee\u2028f\u2066g'),
    ).toBe('a\\u0000b\\u007fc\\u0085d\\u202ee\\u2028f\\u2066g');
    expect(escapeControlCharacters('Ñandú\t日本\n👩‍💻 \u200f')).toBe(
      'Ñandú\t日本\n👩‍💻 \u200f',
    );
  });

  it('escapes tab and line breaks too for one line', () => {
    expect(escapeControlCharacters('a\tb\r\nc', { lineBreaks: true })).toBe(
      'a\\u0009b\\u000d\\u000ac',
    );
  });

  it('leaves nothing hasControlCharacter finds, whatever the text', () => {
    let all = '';
    for (let c = 0; c < 0x2100; c++) all += String.fromCharCode(c);
    expect(hasControlCharacter(escapeControlCharacters(all))).toBe(false);
    // and twice over, the same: no global expression keeps a position between calls
    expect(escapeControlCharacters(all)).toBe(escapeControlCharacters(all));
  });
});
