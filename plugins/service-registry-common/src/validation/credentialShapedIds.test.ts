import { RegistryFinding } from '../model/types';
import { registryOf } from './__testUtils__/registryOf';
import { validateRegistry } from './validateRegistry';

// someone pasted a GitHub token as a service id
const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}F6g7H8`;

/** The forms of the token a reader could copy: as written, lowered, and made into an id. */
const FORMS = [
  TOKEN,
  TOKEN.toLowerCase(),
  TOKEN.toLowerCase().replace(/[^a-z0-9-]+/g, '-'),
  // the part after the prefix, which is the secret itself
  TOKEN.slice(4).toLowerCase(),
];

/** Every string a finding carries, whatever its field. */
function stringsOf(finding: RegistryFinding): string[] {
  return Object.values(finding).filter(
    (value): value is string => typeof value === 'string',
  );
}

function leaks(findings: RegistryFinding[]): string[] {
  return findings.flatMap(finding =>
    stringsOf(finding).filter(text =>
      FORMS.some(form => text.toLowerCase().includes(form.toLowerCase())),
    ),
  );
}

const files = {
  'services/catalog.toml': [
    `[service."${TOKEN}"]`,
    'owner = "@platform"',
    'version = "1.0.0"',
    '[service.web]',
    'owner = "@web"',
    `dependencies.requires = ["${TOKEN}@^2"]`,
  ].join('\n'),
  'projects/shop/services.toml': [
    '[project]',
    'owner = "@shop"',
    `[service."${TOKEN}"]`,
    'port = 8080',
  ].join('\n'),
};

describe('validateRegistry with a credential as a service id', () => {
  it('reports the invalid id without the token in any field, its service shown as hidden', () => {
    const findings = validateRegistry(registryOf(files), {
      today: '2026-01-15',
    });
    const invalid = findings.filter(
      f => f.code === 'schema/invalid-id' && f.message.startsWith('Service id'),
    );
    // the catalog's declaration and the project's
    expect(invalid).toHaveLength(2);
    for (const finding of invalid) {
      expect(finding.service).toBe('(hidden)');
      // the suggestion is not made from the token
      expect(finding.message).toContain('"my-service"');
    }
    expect(leaks(findings)).toEqual([]);
  });

  it('keeps the token out of the catalog provider findings too', () => {
    const findings = validateRegistry(registryOf(files), {
      today: '2026-01-15',
      catalog: { defaultOwner: 'platform', sharedSystem: 'shared' },
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(leaks(findings)).toEqual([]);
  });

  it('keeps the suggestion of an ordinary invalid id', () => {
    const findings = validateRegistry(
      registryOf({ 'services/catalog.toml': '[service.Billing_API]' }),
      { today: '2026-01-15' },
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'schema/invalid-id',
        service: 'Billing_API',
        message: expect.stringContaining('(e.g. "billing-api")'),
      }),
    );
  });
});
