import path from 'node:path';
import { useBuiltCli } from './__testUtils__/builtCli';
import {
  cli,
  git,
  initRepository,
  VALID_REGISTRY,
  writeFiles,
} from './__testUtils__/cliProcess';

jest.setTimeout(60_000);

const tmp = useBuiltCli('cli-fail-');

const WITH_WARNING = {
  ...VALID_REGISTRY,
  'services/catalog.toml': `${VALID_REGISTRY['services/catalog.toml']}mystery_field = 1\n`,
};

describe('a run that fails without an error', () => {
  it('says on stderr that the warnings are more than --max-warnings allows, in every format', () => {
    const dir = writeFiles(path.join(tmp.root, 'warnings'), WITH_WARNING);
    for (const format of ['text', 'json', 'markdown', 'github']) {
      const run = cli(
        ['validate', '.', '--max-warnings', '0', '--format', format],
        dir,
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        'service-registry: failed: 1 warning, more than --max-warnings 0 allows.\n',
      );
    }
    const within = cli(['validate', '.', '--max-warnings', '1'], dir);
    expect(within.code).toBe(0);
    expect(within.stderr).toBe('');
  });

  it('says on stderr that diff --fail-on-breaking failed on breaking changes', () => {
    const repo = writeFiles(path.join(tmp.root, 'breaking'), VALID_REGISTRY);
    initRepository(repo);
    writeFiles(repo, {
      'services/catalog.toml': VALID_REGISTRY['services/catalog.toml'].replace(
        'port = 8080',
        'port = 9090',
      ),
    });
    const run = cli(['diff', 'main', '.', '--fail-on-breaking'], repo);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^service-registry: failed: \d+ breaking changes? \(--fail-on-breaking\)\.\n$/,
    );
    // errors speak for themselves: nothing more is said
    writeFiles(repo, {
      'projects/shop/services.toml': VALID_REGISTRY[
        'projects/shop/services.toml'
      ].replace('requires = ["shop-api"]', 'requires = ["shop-db"]'),
    });
    git(repo, 'add', '-A');
    const errors = cli(['diff', 'main', '.', '--fail-on-breaking'], repo);
    expect(errors.code).toBe(1);
    expect(errors.stderr).toBe('');
  });
});
