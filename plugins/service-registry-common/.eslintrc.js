module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // the tests load the shared registry fixtures and fuzz helpers of the node-library
      // @service-registry/test-support; nothing of it reaches the published, isomorphic package
      files: ['src/**/*.test.ts', 'src/**/__testUtils__/**'],
      rules: { '@backstage/no-mixed-plugin-imports': 'off' },
    },
  ],
});
