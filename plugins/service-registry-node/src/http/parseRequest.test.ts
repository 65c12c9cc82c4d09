import { z } from 'zod';
import {
  parseRequest,
  registryIdSchema,
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
      parseRequest(query, { registry: '../etc', service: 'Shop API' }),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'registry: registry must be a provider id (letters, digits, - and _); service: not a registry service id: use 1 to 63 lowercase letters, digits or "-" (e.g. "orders-api")',
      }),
    );
    expect(() => parseRequest(query, { other: '1' })).toThrow(
      'unknown parameter "other"',
    );
  });

  it('says what a service id is, and labels a bare value by its name, never as the query', () => {
    const rule =
      'not a registry service id: use 1 to 63 lowercase letters, digits or "-" (e.g. "orders-api")';
    const inputError = (message: string) =>
      expect.objectContaining({ name: 'InputError', message });
    expect(() => parseRequest(serviceIdSchema, 'Bad Id')).toThrow(
      inputError(rule),
    );
    expect(() =>
      parseRequest(serviceIdSchema, 'x'.repeat(64), 'service'),
    ).toThrow(inputError(`service: ${rule}`));
    // path parameters parsed as an object are named by their key
    expect(() =>
      parseRequest(z.object({ service: serviceIdSchema }), { service: 'a/b' }),
    ).toThrow(inputError(`service: ${rule}`));
    expect(parseRequest(serviceIdSchema, 'shop-api')).toBe('shop-api');
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
