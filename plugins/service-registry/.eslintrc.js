module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // the plugin supports React 17 and 18, as Backstage does: no API that React 18 added
  restrictedImports: [
    {
      name: 'react',
      importNames: [
        'useId',
        'useSyncExternalStore',
        'useTransition',
        'useDeferredValue',
        'useInsertionEffect',
        'startTransition',
      ],
      message:
        'React 18 only; the plugin supports React 17 as Backstage does (for ids: useUniqueId).',
    },
    {
      name: 'react-dom/client',
      message: 'React 18 only; the plugin supports React 17 as Backstage does.',
    },
  ],
});
