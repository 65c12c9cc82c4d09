import { AppTheme } from '@backstage/core-plugin-api';
import {
  createUnifiedTheme,
  palettes,
  UnifiedThemeProvider,
} from '@backstage/theme';
import DarkIcon from '@material-ui/icons/Brightness2';
import LightIcon from '@material-ui/icons/WbSunny';

/**
 * The error colour of each theme, as text: Backstage's palettes leave MUI's default (#f44336),
 * which reads 3.68:1 on white and 2.73:1 on the dark theme's cards, below WCAG AA's 4.5:1 for the
 * label, the helper text and the error list of a form field in error. These (MUI's red 800 and red
 * 200) read at least 4.9:1 and 4.6:1 on every background of their theme.
 */
export const ERROR_COLORS = { light: '#c62828', dark: '#ef9a9a' } as const;

const light = createUnifiedTheme({
  palette: { ...palettes.light, error: { main: ERROR_COLORS.light } },
});
const dark = createUnifiedTheme({
  palette: { ...palettes.dark, error: { main: ERROR_COLORS.dark } },
});

/**
 * Backstage's light and dark themes, under their usual ids (`light`, `dark`), with an error
 * colour that reads as text ({@link ERROR_COLORS}); nothing else differs.
 */
export const appThemes: AppTheme[] = [
  {
    id: 'light',
    title: 'Light Theme',
    variant: 'light',
    icon: <LightIcon />,
    Provider: ({ children }) => (
      <UnifiedThemeProvider theme={light}>{children}</UnifiedThemeProvider>
    ),
  },
  {
    id: 'dark',
    title: 'Dark Theme',
    variant: 'dark',
    icon: <DarkIcon />,
    Provider: ({ children }) => (
      <UnifiedThemeProvider theme={dark}>{children}</UnifiedThemeProvider>
    ),
  },
];
