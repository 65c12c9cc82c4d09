import { registryOf } from '../validation/__testUtils__/registryOf';
import { renderChangeReportMarkdown } from '../report/markdown';
import { classifyChange } from './changeType';
import { diffRegistries } from './diffRegistries';

const TODAY = '2026-01-20';

/** `auth` (with the given lines) and `web`, which requires it when `consumed`. */
function registry(auth: string[], more: Record<string, string> = {}) {
  return registryOf({
    'services/catalog.toml': [
      '[service.auth]',
      ...auth,
      '[service.web]',
      'dependencies.requires = ["auth"]',
    ].join('\n'),
    ...more,
  });
}

const classify = (
  base: ReturnType<typeof registryOf>,
  head: ReturnType<typeof registryOf>,
) => classifyChange(diffRegistries(base, head, { today: TODAY }));

describe('classifyChange', () => {
  it('calls a change with breaking changes breaking, high risk, whatever else it does', () => {
    expect(
      classify(
        registry(['port = 80', 'version = "1.0.0"']),
        registry(['port = 90', 'version = "1.0.1"', 'description = "x"']),
      ),
    ).toEqual({
      type: 'breaking',
      risk: 'high',
      reasons: [{ what: '1 breaking change' }],
    });
  });

  it('calls a service becoming deprecated a deprecation, medium risk', () => {
    expect(
      classify(
        registry(['status = "ga"', 'version = "1.0.0"']),
        registry([
          'status = "deprecated"',
          'version = "1.0.1"',
          'sunset_date = 2026-12-31',
          'replacement_service = "web"',
        ]),
      ),
    ).toEqual({
      type: 'deprecation',
      risk: 'medium',
      reasons: [{ subject: { service: 'auth' }, what: 'deprecated' }],
    });
  });

  it('calls an added service or a minor release a feature, medium risk', () => {
    const base = registry(['version = "1.0.0"']);
    expect(
      classify(
        base,
        registryOf({
          'services/catalog.toml': [
            '[service.auth]',
            'version = "1.1.0"',
            '[service.web]',
            'dependencies.requires = ["auth"]',
            '[service.search]',
          ].join('\n'),
        }),
      ),
    ).toEqual({
      type: 'feature',
      risk: 'medium',
      reasons: [
        { what: '1 service added' },
        { subject: { service: 'auth' }, what: 'minor release' },
      ],
    });
  });

  it('calls patch releases a bugfix, low risk, and a change of descriptive fields only documentation', () => {
    expect(
      classify(
        registry(['version = "1.0.0"']),
        registry(['version = "1.0.1"', 'description = "Sign-in"']),
      ),
    ).toEqual({
      type: 'bugfix',
      risk: 'low',
      reasons: [{ subject: { service: 'auth' }, what: 'patch release' }],
    });
    expect(
      classify(registry(['name = "Auth"']), registry(['name = "Sign-in"'])),
    ).toEqual({
      type: 'documentation',
      risk: 'none',
      reasons: [{ subject: { service: 'auth' }, field: 'name' }],
    });
  });

  it('calls other fields configuration, low risk, or medium when the policies change', () => {
    expect(
      classify(
        registry(['metadata.replicas = 2']),
        registry(['metadata.replicas = 3']),
      ),
    ).toEqual({
      type: 'configuration',
      risk: 'low',
      reasons: [{ subject: { service: 'auth' }, field: 'metadata.replicas' }],
    });
    const policies = (availability: string) => ({
      'policies/sla.toml': `[sla.critical]\navailability = "${availability}"`,
    });
    expect(
      classify(registry([], policies('99.99%')), registry([], policies('99%'))),
    ).toEqual({
      type: 'configuration',
      risk: 'medium',
      reasons: [{ what: '1 policy key changed' }],
    });
  });

  it('calls no change none', () => {
    const same = registry(['version = "1.0.0"']);
    expect(classify(same, same)).toEqual({
      type: 'none',
      risk: 'none',
      reasons: [],
    });
  });

  it('heads the change report’s changes with the type, its risk and why', () => {
    const report = (base: string[], head: string[]) =>
      renderChangeReportMarkdown({
        findings: [],
        diff: diffRegistries(registry(base), registry(head), {
          today: TODAY,
        }),
      });
    expect(report(['port = 80'], ['port = 90'])).toContain(
      '### Changes\n\n**Change type:** breaking change, high risk (1 breaking change).\n\n- Changed `auth`: `port`',
    );
    expect(report(['name = "Auth"'], ['name = "Sign-in"'])).toContain(
      '**Change type:** documentation, no risk (`auth` `name`).',
    );
    expect(report([], [])).not.toContain('Change type');
  });
});
