import { z } from 'zod';
import {
  parseRequest,
  registryIdSchema,
  noSuchService,
  serviceIdSchema,
} from './parseRequest';

describe('parseRequest', () => {
  const query = z
    .object({ registry: registryIdSchema, service: serviceIdSchema.optional() })
    .strict();

  it('gives the parsed parameters, with the default registry', () => {
    expect(parseRequest(query, {})).toEqual({ registry: 'default' });
    expect(
      parseRequest(query, { registry: 'staging', service: 'shop-api' }),
    ).toEqual({
      registry: 'staging',
      service: 'shop-api',
    });
  });

  it('throws an InputError naming every bad parameter', () => {
    expect(() =>
      parseRequest(query, { registry: '../etc', service: '' }),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'registry: registry must be a provider id (letters, digits, - and _); service: give the id of a [service.<id>] table of the registry, or leave the parameter out',
      }),
    );
    expect(() => parseRequest(query, { other: '1' })).toThrow(
      'unknown parameter "other"',
    );
  });

  it('takes any id a registry may hold, refuses only an empty one, and labels a bare value by its name', () => {
    const rule =
      'give the id of a [service.<id>] table of the registry, or leave the parameter out';
    const inputError = (message: string) =>
      expect.objectContaining({ name: 'InputError', message });
    for (const id of ['shop-api', 'orders_api', 'Upper.Dot', 'x'.repeat(64)]) {
      expect(parseRequest(serviceIdSchema, id)).toBe(id);
    }
    expect(() => parseRequest(serviceIdSchema, '', 'service')).toThrow(
      inputError(`service: ${rule}`),
    );
    // path parameters parsed as an object are named by their key
    expect(() =>
      parseRequest(z.object({ service: serviceIdSchema }), { service: '' }),
    ).toThrow(inputError(`service: ${rule}`));
  });

  it('says to give one value when a parameter is repeated (?service=a&service=b)', () => {
    expect(() =>
      parseRequest(query, { registry: 'default', service: ['a', 'b'] }),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: 'service: give one value, not 2',
      }),
    );
    expect(() =>
      parseRequest(query, { registry: ['prod', 'staging', 'dev'] }),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: 'registry: give one value, not 3',
      }),
    );
    // a bare value, named by the name given
    expect(() => parseRequest(serviceIdSchema, ['a', 'b'], 'service')).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: 'service: give one value, not 2',
      }),
    );
  });

  it('bounds an id to a generous 1000 characters, refusing a longer one saying the limit', () => {
    // an id breaking the registry's 63-character rule is kept by the loader (with a finding) and
    // must stay reachable
    expect(parseRequest(serviceIdSchema, 'x'.repeat(1000))).toBe(
      'x'.repeat(1000),
    );
    expect(() =>
      parseRequest(z.object({ service: serviceIdSchema }), {
        service: 'x'.repeat(1001),
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'service: an id is at most 1000 characters (the registry writes 1 to 63 lowercase letters, digits and -): give the id of a [service.<id>] table of the registry',
      }),
    );
  });

  it('answers 404 for an id the registry does not hold, naming both', () => {
    expect(noSuchService('Bad Id', 'default')).toMatchObject({
      name: 'NotFoundError',
      message: expect.stringMatching(
        /^no service "Bad Id" in registry "default": /,
      ),
    });
  });

  it('names a parameter it does not know and says what to do', () => {
    expect(() => parseRequest(query, { regsitry: 'x' })).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'unknown parameter "regsitry": check its spelling, or leave it out',
      }),
    );
  });
});
