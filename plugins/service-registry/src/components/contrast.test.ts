import { lightTheme, darkTheme } from '@backstage/theme';
import {
  TEXT_CONTRAST,
  contrastOn,
  opaqueOn,
  readableFill,
  readableOn,
  readableText,
  themeSurfaces,
} from './contrast';

describe('contrastOn', () => {
  it('measures the WCAG contrast of black on white (21:1) and of a colour on itself (1:1)', () => {
    expect(contrastOn('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastOn('#f44336', '#f44336')).toBeCloseTo(1, 5);
  });

  it('measures a translucent colour as it shows on the background', () => {
    // MUI's secondary text on Backstage UI's light page: #717171, just below 4.5:1
    expect(opaqueOn('rgba(0, 0, 0, 0.54)', '#f5f5f5')).toBe(
      'rgb(113, 113, 113)',
    );
    expect(contrastOn('rgba(0, 0, 0, 0.54)', '#f5f5f5')).toBeLessThan(
      TEXT_CONTRAST,
    );
  });
});

describe('readableOn', () => {
  it('keeps a colour that reads already', () => {
    expect(readableOn('#1f5493', ['#ffffff', '#f8f8f8'])).toBe('#1f5493');
  });

  it('darkens a colour on light backgrounds until it reads on each, and no further', () => {
    const color = readableOn('#f57c00', ['#ffffff', '#f5f5f5']);
    expect(contrastOn(color, '#ffffff')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(contrastOn(color, '#f5f5f5')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    // one step (2 %) less dark would not read: the change is as small as the steps allow
    expect(contrastOn(color, '#f5f5f5')).toBeLessThan(TEXT_CONTRAST + 0.5);
  });

  it('lightens a colour on dark backgrounds', () => {
    const color = readableOn('#f44336', ['#333333', '#424242']);
    expect(contrastOn(color, '#424242')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(contrastOn(color, '#333333')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it('makes translucent text opaque and dark enough', () => {
    const color = readableOn('rgba(0, 0, 0, 0.54)', ['#f5f5f5', '#ffffff']);
    expect(contrastOn(color, '#f5f5f5')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });
});

describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
])('in the %s theme', (_name, theme) => {
  it('makes the status colours readable as text on the page and on cards', () => {
    for (const color of [
      theme.palette.error.main,
      theme.palette.warning.main,
      theme.palette.warning.dark,
      theme.palette.success.main,
      theme.palette.info.main,
      theme.palette.text.secondary,
    ]) {
      const readable = readableText(theme, color);
      for (const surface of themeSurfaces(theme)) {
        expect(contrastOn(readable, surface)).toBeGreaterThanOrEqual(
          TEXT_CONTRAST,
        );
      }
    }
  });

  it('gives filled badges a fill their text reads on', () => {
    for (const fill of [
      theme.palette.error.main,
      theme.palette.warning.main,
      theme.palette.info.main,
      theme.palette.success.main,
      theme.palette.grey[600],
    ]) {
      const { backgroundColor, color } = readableFill(theme, fill);
      expect(color).toBe(theme.palette.getContrastText(fill));
      expect(contrastOn(color, backgroundColor)).toBeGreaterThanOrEqual(
        TEXT_CONTRAST,
      );
    }
  });
});
