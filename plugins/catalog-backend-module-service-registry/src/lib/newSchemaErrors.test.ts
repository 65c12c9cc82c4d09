import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { hasNewSchemaErrors, isSchemaError } from './newSchemaErrors';

const PATH = 'projects/alpha/services.toml';

function newErrors(text: string, lastGood: string): boolean {
  const findings = loadRegistry([{ path: PATH, text }]).findings.filter(
    isSchemaError,
  );
  return hasNewSchemaErrors(PATH, text, findings, lastGood);
}

const GOOD = '[project]\n\n[service.api]\nport = 8080\nstatus = "ga"\n';
const BAD_PORT = GOOD.replace('port = 8080', 'port = "eighty"');

describe('hasNewSchemaErrors', () => {
  it('is true for an error the last good version did not have', () => {
    expect(newErrors(BAD_PORT, GOOD)).toBe(true);
  });

  it('is false for the same error, moved to another line or with another invalid value', () => {
    expect(newErrors(`# moved\n\n${BAD_PORT}`, BAD_PORT)).toBe(false);
    expect(newErrors(BAD_PORT.replace('eighty', 'ninety'), BAD_PORT)).toBe(
      false,
    );
  });

  it('is false for the same error in an array, moved to another index by a value added before it', () => {
    const tags = (list: string) =>
      GOOD.replace('port = 8080', `tags = ${list}`);
    expect(newErrors(tags('["new", "x", 5]'), tags('["x", 5]'))).toBe(false);
    // a second wrong element is new
    expect(newErrors(tags('[5, "x", 5]'), tags('["x", 5]'))).toBe(true);
  });

  it('counts errors: a second error of the same kind on another key of the service is new', () => {
    const twoBad = BAD_PORT.replace('status = "ga"', 'status = 5');
    expect(newErrors(twoBad, BAD_PORT)).toBe(true);
    // the same kind on another service
    expect(
      newErrors(`${BAD_PORT}\n[service.web]\nport = "ninety"\n`, BAD_PORT),
    ).toBe(true);
  });
});

describe('hasNewSchemaErrors, by the key path of each error', () => {
  function newErrorsIn(path: string, text: string, lastGood: string) {
    const findings = loadRegistry([{ path, text }]).findings.filter(
      f => f.file === path && isSchemaError(f),
    );
    expect(findings.length).toBeGreaterThan(0);
    return hasNewSchemaErrors(path, text, findings, lastGood);
  }

  it('tells apart the same key in two tables of a policy file', () => {
    const lastGood =
      '[sla.critical]\navailability = "abc"\n\n[sla.high]\navailability = "99.5%"\n';
    const text =
      '[sla.critical]\navailability = "99.9%"\n\n[sla.high]\navailability = "abc"\n';
    expect(newErrorsIn('policies/sla.toml', text, lastGood)).toBe(true);
  });

  it('tells apart two keys of a service written as an inline table', () => {
    const service = (deprecation: string, sunset: string) =>
      `[project]\n\n[service]\nold = { status = "deprecated", deprecation_date = "${deprecation}", sunset_date = "${sunset}" }\n`;
    expect(
      newErrorsIn(
        PATH,
        service('2026-01-01', 'not-a-date'),
        service('not-a-date', '2027-06-30'),
      ),
    ).toBe(true);
  });
});
