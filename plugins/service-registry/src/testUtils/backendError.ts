import { registryNotFoundMessages } from '@service-registry/plugin-service-registry-common';
import { ResponseError } from '@backstage/errors';

/**
 * The error the client throws for a failed request: a `ResponseError` built, as the client
 * builds it, from the JSON error body a Backstage backend sends.
 */
export async function backendError(options: {
  status: number;
  statusText: string;
  name: string;
  message: string;
  url: string;
}): Promise<ResponseError> {
  const { status, statusText, name, message, url } = options;
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url },
        response: { statusCode: status },
      }),
      {
        status,
        statusText,
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

/** A 404 of the backend with its message. */
export function notFound(message: string, url: string) {
  return backendError({
    status: 404,
    statusText: 'Not Found',
    name: 'NotFoundError',
    message,
    url,
  });
}

/**
 * The backend's 404 of a registry it does not have (`chooseRegistrySnapshot` of the node
 * library), e.g. for an entity whose registry annotation names a renamed provider id.
 */
export function unknownRegistry(registry: string, url: string) {
  return notFound(
    registryNotFoundMessages.registry(registry, ['default']),
    url,
  );
}

/**
 * The backend's 404 of service `cart`, which the catalog holds back (its file does not parse):
 * its message is {@link HELD_BACK_MESSAGE}.
 */
export function heldBackError(url: string) {
  return notFound(
    registryNotFoundMessages.heldBack(
      'cart',
      'default',
      { file: 'projects/shop/services.toml', line: 9, column: 1 },
      'it does not parse at projects/shop/services.toml:12:3',
    ),
    url,
  );
}

/** The message of {@link heldBackError}, as a card shows it. */
export const HELD_BACK_MESSAGE =
  'service "cart" of registry "default" is held back: it is declared at projects/shop/services.toml:9:1, in a file the catalog cannot take as written (it does not parse at projects/shop/services.toml:12:3); the catalog shows it as last ingested, and the registry lacks it until that file is fixed';

/**
 * The error the client throws while the backend has not read the registry yet (503), as a summary
 * request gets it.
 */
export function registryNotReadYet(): Promise<ResponseError> {
  return backendError({
    status: 503,
    statusText: 'Service Unavailable',
    name: 'ServiceUnavailableError',
    message: 'the registry has not been read yet',
    url: 'http://localhost/api/service-registry/services/x/summary',
  });
}
