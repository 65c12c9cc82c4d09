import { describeValue } from './describeValue';
import { isSecretLookingKey } from './secrets';

describe('describeValue', () => {
  it('shows short scalars and kinds of other values', () => {
    expect(describeValue('live', 'status')).toBe('"live"');
    expect(describeValue(8080, 'port')).toBe('8080');
    expect(describeValue(['a'], 'tags')).toBe('a array');
    expect(describeValue('x'.repeat(100), 'name')).toHaveLength(63);
  });

  it('hides values of secret-looking keys', () => {
    for (const key of [
      'password',
      'db_password',
      'api_token',
      'client-secret',
      'api_key',
      'private_key',
      'key',
    ]) {
      expect(isSecretLookingKey(key)).toBe(true);
      expect(describeValue('hunter2', key)).toBe('a string (value hidden)');
    }
    expect(isSecretLookingKey('owner')).toBe(false);
    expect(isSecretLookingKey('break_changes_notice')).toBe(false);
  });
});
