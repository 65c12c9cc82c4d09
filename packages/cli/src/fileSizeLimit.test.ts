import fs from 'node:fs';
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

const tmp = useBuiltCli('cli-size-');

const SHOP = 'projects/shop/services.toml';
const shopBytes = Buffer.byteLength(VALID_REGISTRY[SHOP]);
/** Above the catalog's size, below the shop's: only the shop's file is too large. */
const LIMIT = 200;

/** A project file of exactly `bytes` bytes: a service padded with a comment. */
function paddedProject(bytes: number): string {
  const service =
    '[service.ops-api]\nowner = "ops-team"\nversion = "1.0.0"\nstatus = "ga"\n';
  return `${service}#${'x'.repeat(bytes - service.length - 2)}\n`;
}

describe('--max-file-bytes on a registry directory', () => {
  it('makes a normal file too large: validate reports it as not read, not as a syntax error', () => {
    expect(
      Buffer.byteLength(VALID_REGISTRY['services/catalog.toml']),
    ).toBeLessThan(LIMIT);
    expect(shopBytes).toBeGreaterThan(LIMIT);
    const dir = writeFiles(path.join(tmp.root, 'validate'), VALID_REGISTRY);
    expect(cli(['validate', '.'], dir).code).toBe(0);

    const run = cli(
      ['validate', '.', '--max-file-bytes', String(LIMIT), '--format', 'json'],
      dir,
    );
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'toml/file-too-large',
        file: SHOP,
        line: 1,
        column: 1,
      }),
    ]);
    expect(findings[0].message).toContain(
      `${SHOP} was not read: it is ${shopBytes} bytes, above the limit of ${LIMIT} bytes for a registry file`,
    );
  });

  it('graph, impact and openslo say on stderr that the file is above the size limit, with its size and the limit', () => {
    const dir = writeFiles(path.join(tmp.root, 'stderr'), {
      ...VALID_REGISTRY,
      'projects/ops/services.toml': paddedProject(3000),
    });
    const args = ['--max-file-bytes', '2048'];
    const runs: Array<[string[], string]> = [
      [['graph', '.', ...args], 'the graph'],
      [['impact', 'shared-auth', '.', ...args], 'the impact'],
      [['openslo', '.', ...args], 'the export'],
    ];
    for (const [command, output] of runs) {
      const run = cli(command, dir);
      expect(run.code).toBe(0);
      // (openslo adds that this registry declares no service level)
      expect(run.stderr.split('\n')[0]).toBe(
        `service-registry: projects/ops/services.toml:1:1 is not read: it is 2.9 KiB (3000 bytes), above the size limit of 2 KiB (2048 bytes) for a registry file, so ${output} leaves out what it declares (--max-file-bytes sets the limit).`,
      );
      expect(run.stderr).not.toContain('does not parse');
    }
    expect(cli(['graph', '.', ...args], dir).stdout).not.toContain('ops-api');
    // without the flag the default limit applies, far above a registry file
    const graph = cli(['graph', '.'], dir);
    expect(graph.stderr).toBe('');
    expect(graph.stdout).toContain('ops-api');
  });

  it('docs writes no documents while a file is above the limit, and says so', () => {
    const dir = writeFiles(path.join(tmp.root, 'docs'), VALID_REGISTRY);
    const run = cli(['docs', '.', '--max-file-bytes', String(LIMIT)], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('toml/file-too-large');
    expect(run.stderr).toContain(
      'service-registry docs: 1 file is above the size limit for a registry file and not read; shrink or split it, or raise the limit with --max-file-bytes, first: the documents would leave out its services.',
    );
    expect(run.stderr).not.toContain('does not parse');
    expect(fs.existsSync(path.join(dir, 'docs'))).toBe(false);
    expect(cli(['docs', '.'], dir).code).toBe(0);
  });

  it('docs names both kinds when files do not parse and files are too large', () => {
    const dir = writeFiles(path.join(tmp.root, 'docs-both'), {
      ...VALID_REGISTRY,
      'projects/ops/services.toml': '[service.ops-api\n',
    });
    const run = cli(['docs', '.', '--max-file-bytes', String(LIMIT)], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'service-registry docs: 2 files are not loaded: 1 does not parse, 1 is above the size limit for a registry file; fix them first, the documents would leave out their services.',
    );
  });
});

describe('--max-file-bytes on a git revision', () => {
  it('reads the base revision with the same limit as the working tree', () => {
    const repo = writeFiles(path.join(tmp.root, 'git'), VALID_REGISTRY);
    initRepository(repo);
    // the working tree's shop file is smaller than the revision's: shop-web removed
    const smaller = VALID_REGISTRY[SHOP].slice(
      0,
      VALID_REGISTRY[SHOP].indexOf('[service.shop-web]'),
    );
    writeFiles(repo, { [SHOP]: smaller });
    const limit = Buffer.byteLength(smaller) + 10;
    expect(limit).toBeLessThan(shopBytes);

    const plain = cli(['diff', 'main', '.', '--format', 'json'], repo);
    expect(plain.stderr).toBe('');
    expect(JSON.parse(plain.stdout).diff).toMatchObject({
      added: [],
      removed: ['shop-web'],
    });

    const limited = cli(
      [
        'diff',
        'main',
        '.',
        '--format',
        'json',
        '--max-file-bytes',
        String(limit),
      ],
      repo,
    );
    expect(limited.stderr).toContain(
      `${SHOP}:1:1 is not read: it is ${shopBytes} bytes, above the size limit of ${limit} bytes for a registry file, so the diff does not compare the services it declares`,
    );
    expect(limited.stderr).not.toContain('does not parse');
    // the revision's shop services were not read: taken as head has them, not added
    expect(JSON.parse(limited.stdout).diff).toMatchObject({
      added: [],
      removed: [],
      unreadBaseFiles: [
        expect.objectContaining({
          file: SHOP,
          code: 'toml/file-too-large',
          services: ['shop-api'],
        }),
      ],
    });
    // the working tree was read with the limit too, and its file is under it
    expect(JSON.parse(limited.stdout).findings).toEqual([]);
    expect(git(repo, 'status', '--porcelain')).toBe(` M ${SHOP}\n`);
  });
});

describe('an invalid --max-file-bytes', () => {
  it('fails with exit code 2 and a message naming the flag, whatever the command', () => {
    const dir = writeFiles(path.join(tmp.root, 'invalid'), VALID_REGISTRY);
    // above 256 MiB a file cannot be held as text: a larger limit would crash the read
    for (const value of [
      '0',
      '-1',
      '1.5',
      '16MiB',
      '',
      '1e6',
      '0x400',
      '4000000000',
    ]) {
      const run = cli(['validate', '.', `--max-file-bytes=${value}`], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(
        `service-registry: --max-file-bytes must be a positive whole number of bytes up to 268435456 (256 MiB, the largest file the CLI holds as text; e.g. 33554432 for 32 MiB), got ${value}\n`,
      );
    }
    for (const command of [
      ['diff', '.', '.'],
      ['impact', 'shared-auth', '.'],
      ['graph', '.'],
      ['openslo', '.'],
      ['docs', '.'],
    ]) {
      const run = cli([...command, '--max-file-bytes', 'lots'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--max-file-bytes must be a positive');
    }
    expect(fs.existsSync(path.join(dir, 'docs'))).toBe(false);
  });

  it('is named in --help', () => {
    expect(cli(['--help'], tmp.root).stdout).toMatch(
      /--max-file-bytes <bytes> +every command that reads a registry: /,
    );
  });
});
