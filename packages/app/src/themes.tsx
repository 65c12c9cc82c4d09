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
const ERROR_COLORS = { light: '#c62828', dark: '#ef9a9a' } as const;

/**
 * Backstage's theme of a variant, under its usual id (`light`, `dark`), with the error colour of
 * {@link ERROR_COLORS}; nothing else differs.
 */
function readableErrorTheme(
  variant: 'light' | 'dark',
  title: string,
  icon: JSX.Element,
): AppTheme {
  const theme = createUnifiedTheme({
    palette: { ...palettes[variant], error: { main: ERROR_COLORS[variant] } },
  });
  return {
    id: variant,
    title,
    variant,
    icon,
    Provider: ({ children }) => (
      <UnifiedThemeProvider theme={theme}>{children}</UnifiedThemeProvider>
    ),
  };
}

/** Backstage's light and dark themes, with an error colour that reads as text. */
export const appThemes: AppTheme[] = [
  readableErrorTheme('light', 'Light Theme', <LightIcon />),
  readableErrorTheme('dark', 'Dark Theme', <DarkIcon />),
];
