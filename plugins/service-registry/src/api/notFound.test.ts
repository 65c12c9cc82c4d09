import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { notFound, backendError } from '../testUtils/backendError';
import { registryNotFoundMessages } from '@service-registry/plugin-service-registry-common';
import {
  isHeldBackServiceError,
  isNotFoundError,
  isUnknownProjectError,
  isUnknownServiceError,
  notFoundKind,
} from './notFound';

const URL = '/api/service-registry/services/x/summary';

describe('notFoundKind', () => {
  it("tells the backend's 404s apart by their message, thrown by the client or not", async () => {
    const cases: Array<[string, ReturnType<typeof notFoundKind>]> = [
      [
        'no service "ghost" in registry "default": a service is asked for by the <id> of its [service.<id>] table, exactly as written (case and punctuation count)',
        'service',
      ],
      [
        'no registry "old-id": give registry= one of default, staging (catalog.providers.serviceRegistry)',
        'registry',
      ],
      [
        'no registry "default": no registry is configured under catalog.providers.serviceRegistry',
        'registry',
      ],
      [
        'no project "ghost" in registry "default": a project is a folder under projects/ of the registry',
        'project',
      ],
      [
        'registry "default" declares no global services (services/catalog.toml)',
        'project',
      ],
      [
        'service "new-api" of registry "default" is neither deprecated nor retired',
        'not-deprecated',
      ],
      [
        'service "cart" of registry "default" is held back: it is declared at projects/shop/services.toml:9:1, in a file the catalog cannot take as written (it does not parse at projects/shop/services.toml:12:3); the catalog shows it as last ingested, and the registry lacks it until that file is fixed',
        'held-back',
      ],
      ['Cannot GET /api/service-registry/nowhere', 'other'],
    ];
    for (const [message, kind] of cases) {
      expect(notFoundKind(await notFound(message, URL))).toBe(kind);
      expect(notFoundKind(new NotFoundError(message))).toBe(kind);
    }
  });

  it('is undefined for an error that is not a 404', async () => {
    const unavailable = await backendError({
      status: 503,
      statusText: 'Service Unavailable',
      name: 'ServiceUnavailableError',
      message: 'no service "ghost" in registry "default"',
      url: URL,
    });
    expect(notFoundKind(unavailable)).toBeUndefined();
    expect(notFoundKind(new ServiceUnavailableError('no service'))).toBe(
      undefined,
    );
    expect(notFoundKind(new Error('no service "ghost"'))).toBeUndefined();
    expect(notFoundKind(undefined)).toBeUndefined();
    expect(isNotFoundError(unavailable)).toBe(false);
  });

  it('says which 404 is of a service, which of a project, and that an unknown registry is neither', async () => {
    const service = await notFound('no service "ghost" in registry "x"', URL);
    const project = await notFound('no project "ghost" in registry "x"', URL);
    const registry = await notFound('no registry "x": give registry=…', URL);
    expect(isNotFoundError(registry)).toBe(true);
    expect(isUnknownServiceError(service)).toBe(true);
    expect(isUnknownServiceError(project)).toBe(false);
    expect(isUnknownServiceError(registry)).toBe(false);
    expect(isUnknownProjectError(project)).toBe(true);
    expect(isUnknownProjectError(service)).toBe(false);
    expect(isUnknownProjectError(registry)).toBe(false);
  });

  it('says which 404 is of a service the catalog holds back, which is not one the registry lacks', async () => {
    const heldBack = await notFound(
      registryNotFoundMessages.heldBack(
        'cart',
        'default',
        { file: 'projects/shop/services.toml', line: 9, column: 1 },
        'it does not parse at projects/shop/services.toml:12:3',
      ),
      URL,
    );
    const service = await notFound('no service "cart" in registry "x"', URL);
    expect(isHeldBackServiceError(heldBack)).toBe(true);
    expect(isUnknownServiceError(heldBack)).toBe(false);
    expect(isHeldBackServiceError(service)).toBe(false);
    expect(isHeldBackServiceError(undefined)).toBe(false);
  });
});
