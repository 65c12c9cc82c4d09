import {
  Theme,
  darken,
  decomposeColor,
  hslToRgb,
  lighten,
  recomposeColor,
} from '@material-ui/core/styles';

/*
 * Colours that stay readable: the plugin's status colours come from the theme (error, warning,
 * success…), whose main shades are made for fills and icons, not for small text on the page. These
 * helpers darken (on light backgrounds) or lighten (on dark ones) a colour just enough for text to
 * reach the contrast WCAG AA asks, so that a colour keeps its hue and changes no more than needed.
 */

/** The contrast ratio WCAG 2 AA asks of normal-size text against its background. */
export const TEXT_CONTRAST = 4.5;

/** The luminance above which black text reads better than white (equal contrast against both). */
const MID_LUMINANCE = 0.179;

/** The red, green and blue channels (0–255) and the alpha (0–1) of a colour. */
function channels(color: string): [number, number, number, number] {
  const parsed = decomposeColor(color);
  const rgb = parsed.type.startsWith('hsl')
    ? decomposeColor(hslToRgb(color)).values
    : parsed.values;
  return [rgb[0], rgb[1], rgb[2], parsed.values[3] ?? 1];
}

/**
 * The relative luminance of an opaque colour as WCAG 2 defines it (unrounded, unlike MUI's
 * `getLuminance`, so that a colour found readable here is readable to a checker like axe too).
 */
function luminance(color: string): number {
  const [r, g, b] = channels(color).map(value => {
    const v = value / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The colour as it shows over an opaque background: a translucent colour (`rgba(0, 0, 0, 0.54)`,
 * MUI's secondary text) blended with the background; an opaque colour as it is.
 *
 * @param color - any CSS colour MUI parses (hex, rgb, rgba, hsl)
 * @param background - an opaque colour
 */
export function opaqueOn(color: string, background: string): string {
  const [r, g, b, alpha] = channels(color);
  if (alpha >= 1) return color;
  const [br, bg, bb] = channels(background);
  const blend = (front: number, back: number) =>
    Math.round(front * alpha + back * (1 - alpha));
  return recomposeColor({
    type: 'rgb',
    values: [blend(r, br), blend(g, bg), blend(b, bb)],
  });
}

/**
 * The first of the colours from `base` towards black (`darker`) or white that `reads`, in steps
 * of 2 %; black or white when none does.
 */
function firstReadable(
  base: string,
  darker: boolean,
  reads: (candidate: string) => boolean,
): string {
  for (let step = 1; step <= 50; step++) {
    const candidate = darker
      ? darken(base, step / 50)
      : lighten(base, step / 50);
    if (reads(candidate)) return candidate;
  }
  return darker ? '#000000' : '#ffffff';
}

/**
 * The contrast ratio of a (possibly translucent) text colour against an opaque background.
 *
 * @param color - the text colour
 * @param background - the opaque background
 */
export function contrastOn(color: string, background: string): number {
  const a = luminance(opaqueOn(color, background));
  const b = luminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The colour closest to `color` that reaches `ratio` against every one of the backgrounds:
 * `color` itself when it does already, else darkened step by step on light backgrounds (lightened
 * on dark ones) until it does.
 *
 * @param color - the wanted text colour
 * @param backgrounds - the opaque colours the text may show on, all light or all dark
 * @param ratio - the contrast to reach (default {@link TEXT_CONTRAST})
 */
export function readableOn(
  color: string,
  backgrounds: string[],
  ratio: number = TEXT_CONTRAST,
): string {
  const reads = (candidate: string) =>
    backgrounds.every(background => contrastOn(candidate, background) >= ratio);
  if (reads(color)) return color;
  return firstReadable(
    opaqueOn(color, backgrounds[0]),
    luminance(backgrounds[0]) > MID_LUMINANCE,
    reads,
  );
}

/**
 * The opaque backgrounds of a card in a theme: the card (paper) and the theme's default
 * background, which tables stripe their rows with.
 *
 * @param theme - the MUI theme
 */
export function cardSurfaces(theme: Theme): string[] {
  return [theme.palette.background.paper, theme.palette.background.default];
}

/**
 * The opaque backgrounds the plugin's text shows on in a theme: those of a card and the page's.
 * In the light theme the portal's page is Backstage UI's app background, grey 100 (`#f5f5f5`), a
 * little darker than the theme's own default, so it is one of them.
 *
 * @param theme - the MUI theme
 */
export function themeSurfaces(theme: Theme): string[] {
  return theme.palette.type === 'dark'
    ? cardSurfaces(theme)
    : [...cardSurfaces(theme), theme.palette.grey[100]];
}

/**
 * A theme colour made readable as text on the theme's page and cards ({@link themeSurfaces}).
 *
 * @param theme - the MUI theme
 * @param color - the wanted text colour
 */
export function readableText(theme: Theme, color: string): string {
  return readableOn(color, themeSurfaces(theme));
}

/**
 * The colours of a filled badge: the text colour MUI picks for the fill (`getContrastText`, which
 * only asks for 3:1) and the fill darkened or lightened away from it until the text reaches
 * {@link TEXT_CONTRAST}.
 *
 * @param theme - the MUI theme
 * @param fill - the wanted background colour
 */
export function readableFill(
  theme: Theme,
  fill: string,
): { backgroundColor: string; color: string } {
  const color = theme.palette.getContrastText(fill);
  const reads = (candidate: string) =>
    contrastOn(color, candidate) >= TEXT_CONTRAST;
  if (reads(fill)) return { backgroundColor: fill, color };
  // light text: a darker fill; dark text: a lighter one
  const lightText = luminance(opaqueOn(color, '#808080')) > MID_LUMINANCE;
  return { backgroundColor: firstReadable(fill, lightText, reads), color };
}
