import { RegistryFinding } from '../../model/types';
import { registryOf } from '../__testUtils__/registryOf';
import { validateRegistry } from '../validateRegistry';

const PASSWORD = 's3cretpass';
// made up, of the GitHub token's form
const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}F6g7H8`;
const PROJECT = '[project]\nowner = "@shop"\n';

function validate(files: Record<string, string>): RegistryFinding[] {
  return validateRegistry(registryOf(files), {
    today: '2026-01-15',
    catalog: { sharedSystem: 'shared' },
  });
}

function pathFindings(findings: RegistryFinding[]) {
  return findings
    .filter(f => f.code === 'security/secret-path')
    .map(({ severity, file, line, column, message }) => ({
      severity,
      file,
      line,
      column,
      message,
    }));
}

/** Every string of every finding that holds the credential. */
function leaks(findings: RegistryFinding[], secret: string): string[] {
  return findings.flatMap(f =>
    Object.entries(f)
      .filter(
        ([key, value]) => key !== 'file' && String(value).includes(secret),
      )
      .map(([key]) => `${f.code} ${key}`),
  );
}

describe('validateRegistry: a credential in a path (security/secret-path)', () => {
  it('reports a project folder named with a URL that holds a password once, at its first file, without the password', () => {
    const folder = `projects/https:__deploy:${PASSWORD}@git.example.com`;
    const findings = validate({
      [`${folder}/services.toml`]: `${PROJECT}[service.cart]\nport = 8080\n`,
      [`${folder}/deployment.toml`]: '',
      'projects/shop/services.toml': PROJECT,
    });
    expect(pathFindings(findings)).toEqual([
      {
        severity: 'error',
        // the finding's file is the path as it is, for the readers that link to it
        file: `${folder}/deployment.toml`,
        line: 1,
        column: 1,
        message: expect.stringContaining(
          'The folder name projects/https:__deploy:(hidden)@git.example.com holds a URL with an embedded password',
        ),
      },
    ]);
    expect(pathFindings(findings)[0].message).toContain('Rename the folder');
    expect(leaks(findings, PASSWORD)).toEqual([]);
    // the project's id is its folder's name: hidden whole
    expect(findings.find(f => f.code === 'security/secret-path')?.project).toBe(
      '(hidden)',
    );
  });

  it('names the folder a URL pasted with mkdir -p left, and a file named with a token', () => {
    const findings = validate({
      [`projects/https:/deploy:${PASSWORD}@git.example.com/services.toml`]:
        PROJECT,
      [`policies/${TOKEN}.toml`]: '[security]\n',
    });
    expect(
      pathFindings(findings).map(f => [f.file, f.message.split(':')[0]]),
    ).toEqual([
      [
        `policies/${TOKEN}.toml`,
        'The file name policies/(hidden).toml holds a GitHub token',
      ],
      [
        `projects/https:/deploy:${PASSWORD}@git.example.com/services.toml`,
        'The folder name projects/https',
      ],
    ]);
    expect(pathFindings(findings)[1].message).toContain(
      'The folder name projects/https:/deploy:(hidden)@git.example.com holds a URL with an embedded password',
    );
    expect(leaks(findings, PASSWORD)).toEqual([]);
    expect(leaks(findings, TOKEN)).toEqual([]);
  });

  it.each([
    `projects/https%3A%2F%2Fdeploy%3A${PASSWORD}%40git.example.com`,
    `projects/https%3a%2f%2fdeploy%3a${PASSWORD}%40git.example.com`,
  ])(
    'reports a project folder named with a percent-encoded URL that holds a password: %s',
    folder => {
      const findings = validate({
        [`${folder}/services.toml`]: `${PROJECT}[service.cart]\nport = 8080\n`,
      });
      expect(pathFindings(findings)).toEqual([
        {
          severity: 'error',
          file: `${folder}/services.toml`,
          line: 1,
          column: 1,
          message: expect.stringContaining(
            `The folder name ${folder.replace(
              PASSWORD,
              '(hidden)',
            )} holds a URL with an embedded password`,
          ),
        },
      ]);
      expect(leaks(findings, PASSWORD)).toEqual([]);
    },
  );

  it('reports a project folder named with a token', () => {
    const findings = validate({ [`projects/${TOKEN}/services.toml`]: PROJECT });
    expect(pathFindings(findings).map(f => f.message.split(':')[0])).toEqual([
      `The folder name projects/(hidden) holds a GitHub token`,
    ]);
    expect(leaks(findings, TOKEN)).toEqual([]);
  });

  it('reports no path of an ordinary registry', () => {
    const findings = validate({
      'services/catalog.toml': '[service.api]\nport = 8080\n',
      'projects/shop/services.toml': PROJECT,
      'projects/shop/monitoring.toml': '',
      'policies/security.toml': '[security]\n',
      'notes/readme.toml': '',
    });
    expect(pathFindings(findings)).toEqual([]);
  });
});
