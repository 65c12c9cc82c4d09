import { darkTheme, lightTheme } from '@backstage/theme';
import { cardSurfaces, contrastOn } from './contrast';
import {
  categoryColors,
  EDGE_COLORS,
  GRAPHIC_CONTRAST,
  NEUTRAL_FILL,
  STATUS_FILLS,
  STATUS_STYLES,
  visibleBorderColor,
  visibleEdgeColor,
} from './topologyStyles';

/** Every fill a node may have: the project/owner palette, the status fills, the neutral one. */
const FILLS = [
  ...new Set([
    ...categoryColors(Array.from({ length: 12 }, (_, i) => `p${i}`)).values(),
    ...Object.values(STATUS_FILLS),
    NEUTRAL_FILL,
  ]),
];

describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
])('in the %s theme', (_name, theme) => {
  it('draws every kind of edge at 3:1 or more against the drawing and a card (WCAG 1.4.11)', () => {
    for (const color of Object.values(EDGE_COLORS)) {
      for (const surface of cardSurfaces(theme)) {
        expect(
          contrastOn(visibleEdgeColor(theme, color), surface),
        ).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
      }
    }
  });

  it("draws every status border at 3:1 or more against the node's fill (WCAG 1.4.11)", () => {
    for (const { border } of Object.values(STATUS_STYLES)) {
      for (const fill of FILLS) {
        expect(
          contrastOn(visibleBorderColor(theme, border, fill), fill),
        ).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
      }
    }
  });

  it('keeps a colour that has the contrast already', () => {
    expect(visibleEdgeColor(theme, theme.palette.text.primary)).toBe(
      theme.palette.text.primary,
    );
  });
});

it('in the light theme, also sets the status borders apart from the light drawing behind the nodes', () => {
  for (const { border } of Object.values(STATUS_STYLES)) {
    const drawn = visibleBorderColor(lightTheme, border, NEUTRAL_FILL);
    for (const surface of cardSurfaces(lightTheme)) {
      expect(contrastOn(drawn, surface)).toBeGreaterThanOrEqual(
        GRAPHIC_CONTRAST,
      );
    }
  }
});
