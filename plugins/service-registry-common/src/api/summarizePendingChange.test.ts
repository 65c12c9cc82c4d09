import { projectAToml, sharedAuthToml } from '@service-registry/test-support';
import { RegistryFileInput } from '../model/types';
import { summarizePendingChange } from './summarizePendingChange';

const registry = (files: Record<string, string>): RegistryFileInput[] =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

const TODAY = { today: '2026-12-06' };

describe('summarizePendingChange', () => {
  it('lists what a change adds, removes and changes, its breaking changes with their reach, and its findings', () => {
    const base = registry({
      'services/catalog.toml': `${sharedAuthToml(
        8000,
      )}\n[service.old-job]\nowner = "ops"\n`,
      'projects/project-a/services.toml': projectAToml(),
    });
    const head = registry({
      'services/catalog.toml': sharedAuthToml(9000),
      'projects/project-a/services.toml': projectAToml(`
[service.pa-web]
version = "0.1.0"
[service.pa-web.dependencies]
requires = ["billing"]
`),
    });
    expect(summarizePendingChange(base, head, { today: '2026-12-06' })).toEqual(
      {
        added: ['pa-web'],
        removed: ['old-job'],
        changed: ['shared-auth'],
        breakingChanges: [
          {
            kind: 'port-changed',
            service: 'shared-auth',
            message: expect.stringContaining('8000'),
            affectedProjects: ['project-a'],
            affectedServices: 1,
            consumers: ['pa-api'],
          },
        ],
        // pa-web requires billing, which no one declares
        findings: { errors: 1, warnings: expect.any(Number) },
        // that error is the change's: main had none
        newFindings: {
          errors: 1,
          warnings: 0,
          listed: [
            expect.objectContaining({
              severity: 'error',
              code: 'dependency/missing-required',
              file: 'projects/project-a/services.toml',
              line: 13,
              column: 13,
              service: 'pa-web',
            }),
          ],
        },
        unreadFiles: [],
      },
    );
  });

  it('finds nothing in a change that changes nothing', () => {
    const files = {
      'services/catalog.toml': sharedAuthToml(8000),
      'projects/project-a/services.toml': projectAToml(),
    };
    expect(
      summarizePendingChange(registry(files), registry(files), TODAY),
    ).toMatchObject({
      added: [],
      removed: [],
      changed: [],
      breakingChanges: [],
      findings: { errors: 0 },
    });
  });

  it('counts and lists the findings the change brings apart from those main had, which an edit only moved', () => {
    // main already requires a service no one declares
    const project = (before: string) =>
      projectAToml(`
[service.pa-worker]
version = "1.0.0"
[service.pa-worker.dependencies]
requires = ["ghost"]
`).replace('[project]', `${before}[project]`);
    const base = registry({
      'services/catalog.toml': sharedAuthToml(8000),
      'projects/project-a/services.toml': project(''),
    });
    // the change writes 25 services above it, each requiring another service no one declares
    const many = Array.from(
      { length: 25 },
      (_, i) =>
        `[service.pa-job-${i}]\nversion = "1.0.0"\n[service.pa-job-${i}.dependencies]\nrequires = ["gone-${i}"]\n\n`,
    ).join('');
    const head = registry({
      'services/catalog.toml': sharedAuthToml(8000),
      'projects/project-a/services.toml': project(many),
    });
    const summary = summarizePendingChange(base, head, TODAY);
    expect(summary.findings.errors).toBe(26);
    expect(summary.newFindings.errors).toBe(25);
    expect(summary.newFindings.listed).toHaveLength(20);
    expect(summary.newFindings.listed.map(f => f.service)).not.toContain(
      'pa-worker',
    );
    expect(summary.newFindings.listed[0]).toMatchObject({
      severity: 'error',
      code: 'dependency/missing-required',
      service: 'pa-job-0',
      file: 'projects/project-a/services.toml',
      // its `requires`, on the file's fifth line
      line: 5,
    });
  });

  /** The two files, the shared services' file with a key without a value when `broken`. */
  const twoFiles = (port: number, broken: boolean) =>
    registry({
      'services/catalog.toml': `${sharedAuthToml(port)}${
        broken ? '\nport = \n' : ''
      }`,
      'projects/project-a/services.toml': projectAToml(),
    });

  it.each([
    {
      title: 'compares a file the head breaks as the base has it, and says so',
      base: twoFiles(8000, false),
      // the port change in the broken file is not seen: the catalog keeps the last good version
      head: twoFiles(9000, true),
      side: 'head' as const,
      // the syntax error alone: pa-api requires shared-auth, which the broken file declares, so
      // that is not reported as missing
      errors: 1,
      codes: ['toml/syntax'],
      message:
        /^In head, services\/catalog\.toml does not parse \(line \d+, column \d+\): its service shared-auth is compared as in base/,
    },
    {
      title:
        'takes a file the base cannot read as the head has it: a change that fixes it adds nothing',
      base: twoFiles(8000, true),
      head: twoFiles(8000, false),
      side: 'base' as const,
      errors: 0,
      codes: [],
      message:
        /^In base, services\/catalog\.toml:\d+:\d+ does not parse: its service shared-auth is not compared \(taken as head has it\)/,
    },
  ])('$title', ({ base, head, side, errors, codes, message }) => {
    const summary = summarizePendingChange(base, head, TODAY);
    expect(summary).toMatchObject({
      added: [],
      removed: [],
      changed: [],
      breakingChanges: [],
      findings: { errors },
    });
    // what the branch brings: the syntax error it makes, if any
    expect(summary.newFindings.listed.map(f => f.code)).toEqual(codes);
    expect(summary.unreadFiles).toEqual([
      {
        side,
        file: 'services/catalog.toml',
        line: expect.any(Number),
        column: expect.any(Number),
        message: expect.stringMatching(message),
      },
    ]);
    // at the key without a value, in the file of the side that cannot read it
    const { line } = summary.unreadFiles[0];
    const broken = side === 'head' ? head : base;
    expect(broken[0].text.split('\n')[line - 1]).toBe('port = ');
  });

  it('hides a credential pasted as the id of a service of a file the base cannot read', () => {
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}123456`;
    const base = registry({
      'services/catalog.toml': '[service.x]\nport = \n',
    });
    const head = registry({
      'services/catalog.toml': `[service.${token}]\nowner = "ops"\n`,
    });
    const [unread] = summarizePendingChange(base, head, TODAY).unreadFiles;
    expect(unread.message).toContain('(hidden)');
    expect(JSON.stringify(unread)).not.toContain(token);
  });

  it('keeps a service where the base declared it when a project of the head declares its id again', () => {
    const declaration = (name: string, version: string) =>
      `[project]\nname = "${name}"\n\n[service.dup]\nversion = "${version}"\n`;
    const base = registry({
      'projects/zeta/services.toml': declaration('Zeta', '1.0.0'),
    });
    const head = registry({
      // sorts before zeta: loaded alone, its declaration would take dup over
      'projects/alpha/services.toml': declaration('Alpha', '2.0.0'),
      'projects/zeta/services.toml': declaration('Zeta', '1.0.0'),
    });
    expect(summarizePendingChange(base, head, TODAY)).toMatchObject({
      added: [],
      changed: [],
      breakingChanges: [],
      // the new declaration is the one reported
      findings: { errors: 1 },
    });
  });
});
