import { BodyCache } from './BodyCache';
import { SerializedBody } from './SerializedBody';

const body = (text: string) => SerializedBody.json(text);

describe('BodyCache', () => {
  it('answers a key it keeps without making the body again', () => {
    const cache = new BodyCache(1000);
    const make = jest.fn(() => body('a'));
    const first = cache.get('a', make);
    expect(cache.get('a', make)).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('lets the least recently sent bodies go once the kept bytes pass the limit', () => {
    // each body is 12 bytes of JSON ("<10 chars>")
    const cache = new BodyCache(36);
    const made: string[] = [];
    const get = (key: string) =>
      cache.get(key, () => {
        made.push(key);
        return body(key.padEnd(10, '.'));
      });
    get('a');
    get('b');
    get('c');
    expect(cache.size).toEqual({ bodies: 3, bytes: 36 });
    get('a'); // a is now the most recently sent: b goes first
    get('d');
    expect(cache.size).toEqual({ bodies: 3, bytes: 36 });
    get('a');
    get('c');
    get('d');
    expect(made).toEqual(['a', 'b', 'c', 'd']);
    get('b');
    expect(made).toEqual(['a', 'b', 'c', 'd', 'b']);
  });

  it('makes but does not keep a body larger than the limit', () => {
    const cache = new BodyCache(10);
    const make = jest.fn(() => body('a long answer'));
    expect(cache.get('x', make).bytes.toString()).toBe('"a long answer"');
    cache.get('x', make);
    expect(make).toHaveBeenCalledTimes(2);
    expect(cache.size).toEqual({ bodies: 0, bytes: 0 });
  });
});
