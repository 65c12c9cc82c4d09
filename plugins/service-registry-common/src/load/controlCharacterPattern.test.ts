import { controlCharacterPattern } from './controlCharacterPattern';
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
