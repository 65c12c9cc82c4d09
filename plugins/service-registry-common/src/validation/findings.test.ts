import { bareId, listIds, quoted, serviceLabel, tableHeader } from './findings';

describe('how messages name ids', () => {
  it('writes a valid id as before', () => {
    expect(quoted('api')).toBe('"api"');
    expect(serviceLabel('api')).toBe('Service "api"');
    expect(bareId('api')).toBe('api');
    expect(tableHeader('service', 'api', 'sla')).toBe('[service.api.sla]');
    expect(listIds(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
  });

  it('escapes the control and bidirectional characters of an invalid id, which the loader still loads', () => {
    expect(quoted('a\u202eb')).toBe('"a\\u202eb"');
    expect(serviceLabel('a\u0000b')).toBe('Service "a\\u0000b"');
    expect(bareId('a\u001bb')).toBe('"a\\u001bb"');
    expect(tableHeader('service', 'a\u2066b', 'governance')).toBe(
      '[service."a\\u2066b".governance]',
    );
    expect(listIds(['a\u202eb', 'c'])).toBe('"a\\u202eb" and "c"');
    expect(quoted('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
  });
});
