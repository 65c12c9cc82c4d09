import { UnreadHeadFile } from '../diff/types';
import { describeUnreadHeadFile } from './unreadHeadFile';

const unread = (overrides: Partial<UnreadHeadFile>): UnreadHeadFile => ({
  file: 'projects/shop/services.toml',
  code: 'toml/syntax',
  reason: 'does not parse',
  position: { file: 'projects/shop/services.toml', line: 3, column: 7 },
  comparedAsInBase: true,
  services: ['shop-api'],
  ...overrides,
});

describe('describeUnreadHeadFile', () => {
  it('says where the file does not parse and which services were compared as in base', () => {
    expect(describeUnreadHeadFile(unread({}))).toBe(
      'In head, projects/shop/services.toml does not parse (line 3, column 7): its service shop-api is compared as in base, whose version the catalog keeps until the file is fixed.',
    );
  });

  it('says why a file was not read, without a position, and how a file without services was compared', () => {
    expect(
      describeUnreadHeadFile(
        unread({
          file: 'policies/governance.toml',
          code: 'toml/file-too-large',
          reason: 'is above the size limit for a registry file',
          position: { file: 'policies/governance.toml', line: 1, column: 1 },
          services: [],
        }),
        text => `\`${text}\``,
      ),
    ).toBe(
      'In head, `policies/governance.toml` is above the size limit for a registry file: it is compared as in base, whose version the catalog keeps until the file is fixed.',
    );
  });

  it('names the first services of a large file and counts the others', () => {
    const services = Array.from({ length: 14 }, (_, i) => `s${i + 10}`);
    expect(describeUnreadHeadFile(unread({ services }))).toContain(
      'its 14 services s10, s11, s12, s13, s14, s15, s16, s17, s18, s19 and 4 more are compared as in base',
    );
  });
});
