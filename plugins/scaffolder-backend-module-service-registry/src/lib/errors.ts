import { InputError } from '@backstage/errors';
import { RegistryEditError } from './edit';

/** Turns the editor's errors into the scaffolder's input errors; other errors pass unchanged. */
export function asInputError(error: unknown): unknown {
  if (error instanceof RegistryEditError) return new InputError(error.message);
  return error;
}
