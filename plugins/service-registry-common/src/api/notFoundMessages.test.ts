import {
  registryNotFoundKind,
  registryNotFoundMessages as messages,
} from './notFoundMessages';

describe('registryNotFoundKind', () => {
  it('reads back the kind of every 404 message the backend writes, whatever the ids hold', () => {
    // ids that look like the other messages' words must not confuse the reading
    for (const id of ['orders', 'no project "x"', 'Upper.Dot', 'a"b']) {
      for (const registry of ['default', 'other-registry']) {
        expect(registryNotFoundKind(messages.service(id, registry))).toBe(
          'service',
        );
        expect(
          registryNotFoundKind(messages.registry(id, ['default', 'b'])),
        ).toBe('registry');
        expect(registryNotFoundKind(messages.registry(id, []))).toBe(
          'registry',
        );
        expect(registryNotFoundKind(messages.project(id, registry))).toBe(
          'project',
        );
        expect(registryNotFoundKind(messages.globalServices(registry))).toBe(
          'project',
        );
        expect(registryNotFoundKind(messages.notDeprecated(id, registry))).toBe(
          'not-deprecated',
        );
      }
    }
  });

  it('says what the backend did not find in words a person can act on', () => {
    expect(messages.service('orders_api', 'default')).toBe(
      'no service "orders_api" in registry "default": a service is asked for by the <id> of its [service.<id>] table, exactly as written (case and punctuation count)',
    );
    expect(messages.registry('old', ['main', 'payments'])).toBe(
      'no registry "old": give registry= one of main, payments (catalog.providers.serviceRegistry)',
    );
    expect(messages.registry('old', [])).toBe(
      'no registry "old": no registry is configured under catalog.providers.serviceRegistry',
    );
  });

  it('takes any other 404 as other', () => {
    expect(registryNotFoundKind('Not Found')).toBe('other');
    expect(registryNotFoundKind('')).toBe('other');
    expect(registryNotFoundKind('service "x" was removed')).toBe('other');
  });
});
