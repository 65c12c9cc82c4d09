import { heldBackServices } from './heldBackServices';

describe('heldBackServices', () => {
  const files = [
    {
      path: 'projects/alpha/services.toml',
      text: '[project]\n\n[service.moved]\nport = = 1\n',
    },
    {
      path: 'projects/beta/services.toml',
      text: '[project]\n[service.gone-too]\n',
    },
  ];

  it('keeps the removed Components that a file not taken as written declares', () => {
    const held = heldBackServices(
      [
        'component:default/moved',
        'component:default/gone',
        'component:default/gone-too',
        'system:default/alpha',
      ],
      files,
      new Set(['projects/alpha/services.toml']),
    );
    expect([...held]).toEqual([
      [
        'component:default/moved',
        { file: 'projects/alpha/services.toml', line: 3, column: 1 },
      ],
    ]);
  });

  it('keeps the removed Components of the misspelt tables of a file taken as written', () => {
    const misspelt = {
      path: 'projects/gamma/services.toml',
      text: '[project]\n\n[services.moved]\nport = 1\n\n[project-specific.gone]\n',
    };
    const held = heldBackServices(
      ['component:default/moved', 'component:default/gone'],
      [...files, misspelt],
      new Set(),
      new Set([misspelt.path]),
    );
    expect([...held]).toEqual([
      ['component:default/moved', { file: misspelt.path, line: 3, column: 1 }],
    ]);
  });

  it('keeps nothing when every file was taken as written', () => {
    expect(
      heldBackServices(['component:default/moved'], files, new Set()).size,
    ).toBe(0);
  });
});
