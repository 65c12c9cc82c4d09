/**
 * Words of prose that follow a flag named in a sentence (`with --password and the user name`, `the
 * --password flag is required`), never its value.
 */
const PROSE_WORDS: ReadonlySet<string> = new Set([
  'a',
  'also',
  'an',
  'and',
  'argument',
  'as',
  'at',
  'be',
  'but',
  'by',
  'can',
  'each',
  'every',
  'flag',
  'for',
  'from',
  'if',
  'in',
  'instead',
  'is',
  'it',
  'must',
  'not',
  'of',
  'on',
  'only',
  'option',
  'or',
  'parameter',
  'see',
  'should',
  'the',
  'then',
  'to',
  'value',
  'via',
  'when',
  'where',
  'which',
  'will',
  'with',
  'without',
]);

/**
 * Whether the word after a flag is one of prose (`and`, `the`, `with`, ...), not the flag's value:
 * the flag is named in a sentence.
 *
 * @param word - the word after the flag
 */
export function isProseWord(word: string): boolean {
  return PROSE_WORDS.has(word.toLowerCase());
}
