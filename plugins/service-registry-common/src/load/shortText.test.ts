import { shortText } from './shortText';

/** Whether a text holds a surrogate that is not part of a pair. */
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('shortText', () => {
  it('keeps a text that fits, and cuts a longer one with an ellipsis', () => {
    expect(shortText('payments', 8)).toBe('payments');
    expect(shortText('payments-team', 8)).toBe('payments…');
  });

  it('never splits a character beyond the Basic Multilingual Plane', () => {
    // '🚀' is two code units: cutting at 8 would keep its first half
    const text = `rockets${'🚀'.repeat(3)}`;
    expect(shortText(text, 8)).toBe('rockets…');
    expect(shortText(text, 9)).toBe('rockets🚀…');
    for (let max = 0; max < text.length; max++) {
      const cut = shortText(text, max);
      expect(LONE_SURROGATE.test(cut)).toBe(false);
      expect(cut.length).toBeLessThanOrEqual(max + 1);
    }
  });

  it('leaves a lone surrogate of the text itself as it is', () => {
    expect(shortText('ab\ud83dcd', 3)).toBe('ab\ud83d…');
  });
});
