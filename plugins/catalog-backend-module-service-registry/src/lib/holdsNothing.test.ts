import { holdsNothing } from './holdsNothing';

describe('holdsNothing', () => {
  it.each([
    ['', true],
    ['\n\n', true],
    ['\ufeff', true],
    ['# services of the shop\r\n  # moved\r\n\t\r\n', true],
    ['[project]\n', false],
    ['# header\nname = "x"\n', false],
    ['  [service.a] # one\n', false],
  ])('%j: %s', (text, expected) => {
    expect(holdsNothing(text)).toBe(expected);
  });
});
