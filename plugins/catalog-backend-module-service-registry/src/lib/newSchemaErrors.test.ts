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

  it('counts errors: a second error of the same kind on another key of the service is new', () => {
    const twoBad = BAD_PORT.replace('status = "ga"', 'status = 5');
    expect(newErrors(twoBad, BAD_PORT)).toBe(true);
    // the same kind on another service
    expect(
      newErrors(`${BAD_PORT}\n[service.web]\nport = "ninety"\n`, BAD_PORT),
    ).toBe(true);
  });
});
