import { parseTomlFile } from '@service-registry/plugin-service-registry-common';
import { renderTomlKey, renderTomlValue } from './renderToml';

function roundTrip(value: any) {
  const parsed = parseTomlFile('x.toml', `v = ${renderTomlValue(value)}\n`);
  if (!parsed.ok) throw new Error(parsed.finding.message);
  return parsed.file.table.v;
}

describe('renderTomlValue', () => {
  it.each([
    'plain',
    'quote " and backslash \\',
    'line\nbreak\r\ttab',
    'control \u0000 \u001f \u007f',
    'emoji 🚀 and ñ',
    '"""',
    "'''",
    '# not a comment',
  ])('round-trips the string %j', value => {
    expect(roundTrip(value)).toBe(value);
  });

  it('renders numbers, booleans, arrays and inline tables', () => {
    expect(renderTomlValue(8080)).toBe('8080');
    expect(renderTomlValue(99.9)).toBe('99.9');
    expect(renderTomlValue(true)).toBe('true');
    expect(renderTomlValue(['a', 1])).toBe('["a", 1]');
    expect(renderTomlValue({ service: 'x', 'a b': 'y' })).toBe(
      '{ service = "x", "a b" = "y" }',
    );
    expect(roundTrip([{ service: 'x', version: '>=1' }])).toEqual([
      { service: 'x', version: '>=1' },
    ]);
    expect(roundTrip(1.5e-7)).toBe(1.5e-7);
  });

  it('refuses what TOML cannot hold', () => {
    expect(() => renderTomlValue(NaN)).toThrow(/finite/);
    expect(() => renderTomlValue(2 ** 60)).toThrow(/2\^53/);
    expect(() => renderTomlValue(null as any)).toThrow(/null/);
    expect(() => renderTomlValue('\ud800')).toThrow(/surrogate/);
  });

  it('quotes keys that are not bare', () => {
    expect(renderTomlKey('guide_url')).toBe('guide_url');
    expect(renderTomlKey('a"]\n[x')).toBe('"a\\"]\\n[x"');
  });
});
