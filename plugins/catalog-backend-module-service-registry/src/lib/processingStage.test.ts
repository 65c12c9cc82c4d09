import { processingStage, RegistryProcessingError } from './processingStage';

describe('processingStage', () => {
  it('returns what the stage returns, synchronously or not', async () => {
    expect(processingStage('loaded', () => 42)).toBe(42);
    await expect(
      processingStage('checked', async () => 'checked'),
    ).resolves.toBe('checked');
  });

  it('turns a throw into an error naming the stage and the first line of the cause', () => {
    const cause = new TypeError('x is undefined\n    at somewhere');
    let caught: unknown;
    try {
      processingStage('mapped', () => {
        throw cause;
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegistryProcessingError);
    expect(caught).toMatchObject({
      stage: 'mapped',
      cause,
      message: 'the registry could not be mapped (TypeError: x is undefined)',
    });
  });

  it('turns a rejection of an asynchronous stage into the same error', async () => {
    await expect(
      processingStage('checked', async () => {
        throw new RangeError('Maximum call stack size exceeded');
      }),
    ).rejects.toMatchObject({
      name: 'RegistryProcessingError',
      stage: 'checked',
      message:
        'the registry could not be checked (RangeError: Maximum call stack size exceeded)',
    });
  });

  it('keeps the innermost stage when stages nest', () => {
    expect(() =>
      processingStage('validated', () =>
        processingStage('loaded', () => {
          throw new Error('deep');
        }),
      ),
    ).toThrow('the registry could not be loaded (Error: deep)');
  });
});
