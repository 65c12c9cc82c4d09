import { catalog, runRule } from '../__testUtils__/registryOf';
import { availabilityAsFraction } from './availabilityAsFraction';

describe('availabilityAsFraction', () => {
  it('warns at the key when a service writes its availability as a fraction of 1', () => {
    expect(
      runRule(
        availabilityAsFraction,
        catalog(
          '[service.payments]',
          'version = "1.0.0"',
          '[service.payments.sla]',
          'availability = 0.9995',
        ),
      ),
    ).toEqual([
      {
        severity: 'warning',
        code: 'sla/availability-as-fraction',
        message:
          'Service "payments": sla.availability 0.9995 is read as 0.9995%, not "99.95%". Write the percentage: availability = "99.95%".',
        file: 'services/catalog.toml',
        line: 4,
        column: 1,
        service: 'payments',
      },
    ]);
  });

  it('warns about a tier policy written so', () => {
    const findings = runRule(availabilityAsFraction, {
      'policies/sla.toml': '[sla.critical]\navailability = 0.9999\n',
    });
    expect(findings.map(f => [f.file, f.line, f.message])).toEqual([
      [
        'policies/sla.toml',
        2,
        'Tier policy [sla.critical]: availability 0.9999 is read as 0.9999%, not "99.99%". Write the percentage: availability = "99.99%".',
      ],
    ]);
  });

  it('accepts percentages, written as strings or numbers', () => {
    expect(
      runRule(
        availabilityAsFraction,
        catalog(
          '[service.a]',
          'sla.availability = "99.9%"',
          '[service.b]',
          'sla.availability = 99.5',
          '[service.c]',
          'sla.availability = "1.5%"',
          '[service.d]',
        ),
      ),
    ).toEqual([]);
  });
});
