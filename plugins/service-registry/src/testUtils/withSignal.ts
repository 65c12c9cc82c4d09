/**
 * The last argument a component gives the client's calls: the options with the `AbortSignal`
 * that cancels the call when the component unmounts or asks for something else. For
 * `expect(api.getX).toHaveBeenCalledWith(…, withSignal)`.
 */
export const withSignal = { signal: expect.any(AbortSignal) };
