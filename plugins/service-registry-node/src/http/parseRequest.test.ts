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
          'registry: registry must be a provider id (letters, digits, - and _); service: not a registry service id',
      }),
    );
    expect(() => parseRequest(query, { other: '1' })).toThrow(
      /Unrecognized key/,
    );
  });
});
