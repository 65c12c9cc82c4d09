/**
 * A config (a `Config` of `@backstage/config`, or anything shaped like one) that records the full
 * key of every value its caller reads (`getOptionalString`, `getConfig`, `has`, ...), also through
 * the configs it hands out: a test can then compare the settings a reader reads with those its
 * package declares and documents.
 *
 * @param config - the config to read through
 * @param reads - where each key read is added, in full (`guard.rejectEmpty`)
 * @param prefix - the full key of `config`, when it is not the root
 * @public
 */
export function recordingConfig<T extends object>(
  config: T,
  reads: Set<string>,
  prefix = '',
): T {
  return new Proxy(config, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const [key] = args;
        const full =
          typeof key === 'string'
            ? [prefix, key].filter(Boolean).join('.')
            : prefix;
        if (typeof key === 'string') reads.add(full);
        const result = member.apply(target, args);
        // a config it hands out (getConfig, getOptionalConfig) records under its own key
        if (
          result !== null &&
          typeof result === 'object' &&
          typeof (result as { getOptionalConfig?: unknown })
            .getOptionalConfig === 'function'
        ) {
          return recordingConfig(result, reads, full);
        }
        return result;
      };
    },
  });
}
