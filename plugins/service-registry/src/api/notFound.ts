import {
  registryNotFoundKind,
  RegistryNotFoundKind,
} from '@service-registry/plugin-service-registry-common';
import { errorMessage } from './errorMessage';

/*
 * The backend answers 404 for different things, and only some of them mean "the registry does
 * not have what this card is about": an unknown registry id (an entity whose registry annotation
 * names a registry the backend does not have, e.g. after a provider id was renamed) is a 404 too,
 * and shown as "Not in the service registry" it would hide the real problem. The cards tell them
 * apart by the backend's message, read with the common package's `registryNotFoundKind`, which
 * knows every message the backend writes (`registryNotFoundMessages`).
 */

/**
 * True when the backend answered 404 (a `NotFoundError`, thrown by the client as a
 * `ResponseError` with status 404), whatever it did not find.
 *
 * @param error - what the request threw
 */
export function isNotFoundError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as {
    name?: string;
    statusCode?: number;
    cause?: { name?: string };
  };
  return (
    e.name === 'NotFoundError' ||
    e.statusCode === 404 ||
    e.cause?.name === 'NotFoundError'
  );
}

/**
 * What the backend's 404 did not find (`RegistryNotFoundKind` of the common package).
 */
export type NotFoundKind = RegistryNotFoundKind;

/**
 * What the backend's 404 did not find, from its message; `undefined` for an error that is not a
 * 404.
 *
 * @param error - what the request threw
 */
export function notFoundKind(error: unknown): NotFoundKind | undefined {
  if (!isNotFoundError(error)) return undefined;
  return registryNotFoundKind(
    error instanceof Error
      ? errorMessage(error)
      : String((error as { message?: unknown }).message ?? ''),
  );
}

/**
 * True for the backend's 404 of a service the registry does not hold (the one a service's card
 * shows as "Not in the service registry"); false for any other error, among them the 404 of an
 * unknown registry, which the cards show as an error with the backend's message.
 *
 * @param error - what the request threw
 */
export function isUnknownServiceError(error: unknown): boolean {
  return notFoundKind(error) === 'service';
}

/**
 * True for the backend's 404 of a project the registry does not have (or of the global services
 * of a registry that declares none); false for any other error, among them the 404 of an unknown
 * registry.
 *
 * @param error - what the request threw
 */
export function isUnknownProjectError(error: unknown): boolean {
  return notFoundKind(error) === 'project';
}

/**
 * True for the backend's 404 of a service the catalog holds back: the file that declares it now
 * is not taken as written (it does not parse, say), so the registry lacks it while the catalog
 * keeps its Component as last ingested. Not "Not in the service registry": the cards show the
 * backend's message, which says where the service is declared and why its file is not taken.
 *
 * @param error - what the request threw
 */
export function isHeldBackServiceError(error: unknown): error is Error {
  return error instanceof Error && notFoundKind(error) === 'held-back';
}
