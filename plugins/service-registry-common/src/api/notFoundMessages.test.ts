import {
  registryNotFoundKind,
  registryNotFoundMessages as messages,
} from './notFoundMessages';

/** Where a held-back service is declared now. */
const WHERE = { file: 'projects/shop/services.toml', line: 7, column: 1 };

describe('registryNotFoundKind', () => {
  it('reads back the kind of every 404 message the backend writes, whatever the ids hold', () => {
    // ids that look like the other messages' words must not confuse the reading
    for (const id of [
      'orders',
      'no project "x"',
      'Upper.Dot',
      'a"b',
      'x" of registry "d" is held back: ',
      'x\\',
    ]) {
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
        expect(
          registryNotFoundKind(
            messages.heldBack(id, registry, WHERE, 'it does not parse'),
          ),
        ).toBe('held-back');
        expect(
          registryNotFoundKind(messages.heldBack(id, registry, WHERE)),
        ).toBe('held-back');
        // a file or a reason that reads like another message does not change the kind
        expect(
          registryNotFoundKind(
            messages.heldBack(
              id,
              registry,
              {
                file: `x" of registry "${registry}" is neither deprecated nor retired`,
                line: 1,
                column: 1,
              },
              'no service "x"',
            ),
          ),
        ).toBe('held-back');
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
    expect(
      messages.heldBack(
        'cart',
        'default',
        WHERE,
        'it does not parse at projects/shop/services.toml:9:3',
      ),
    ).toBe(
      'service "cart" of registry "default" is held back: it is declared at projects/shop/services.toml:7:1, in a file the catalog cannot take as written (it does not parse at projects/shop/services.toml:9:3); the catalog shows it as last ingested, and the registry lacks it until that file is fixed',
    );
    expect(messages.registry('old', [])).toBe(
      'no registry "old": no registry is configured under catalog.providers.serviceRegistry',
    );
  });

  it('takes any other 404 as other', () => {
    expect(registryNotFoundKind('Not Found')).toBe('other');
    expect(registryNotFoundKind('')).toBe('other');
    expect(registryNotFoundKind('service "x" was removed')).toBe('other');
    expect(registryNotFoundKind('service x is held back: it is declared')).toBe(
      'other',
    );
  });
});
