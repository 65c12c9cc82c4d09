import { render } from '@testing-library/react';
import { getContrastRatio, Theme, useTheme } from '@material-ui/core/styles';
import { themes } from '@backstage/theme';
import { appThemes } from './themes';

/** The MUI theme a theme's provider gives its children. */
function themeOf(id: string): Theme {
  const appTheme = appThemes.find(t => t.id === id)!;
  let seen: Theme | undefined;
  function Probe() {
    seen = useTheme<Theme>();
    return null;
  }
  render(
    <appTheme.Provider>
      <Probe />
    </appTheme.Provider>,
  );
  return seen!;
}

describe('appThemes', () => {
  it.each(['light', 'dark'] as const)(
    'gives the %s theme an error colour that reads as text (4.5:1) on its page and its cards',
    id => {
      const theme = themeOf(id);
      const { error, background } = theme.palette;
      for (const surface of [background.default, background.paper]) {
        expect(getContrastRatio(error.main, surface)).toBeGreaterThanOrEqual(
          4.5,
        );
      }
      // Backstage's theme otherwise
      const backstage = themes[id].getTheme('v4') as Theme;
      expect(theme.palette.type).toBe(id);
      expect(theme.palette.primary).toEqual(backstage.palette.primary);
      expect(background).toEqual(backstage.palette.background);
      expect(theme.typography.fontFamily).toBe(backstage.typography.fontFamily);
      expect(theme.typography.h1).toEqual(backstage.typography.h1);
      // (Backstage's own error colour, which this replaces, does not read as text)
      expect(
        getContrastRatio(backstage.palette.error.main, background.paper),
      ).toBeLessThan(4.5);
    },
  );

  it("keeps Backstage's theme ids, so that a reader's choice stays", () => {
    expect(appThemes.map(t => [t.id, t.variant])).toEqual([
      ['light', 'light'],
      ['dark', 'dark'],
    ]);
  });
});
