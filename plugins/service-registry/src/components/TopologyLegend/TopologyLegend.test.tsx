import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { darkTheme, lightTheme } from '@backstage/theme';
import { ThemeProvider } from '@material-ui/core/styles';
import { contrastOn, opaqueOn } from '../contrast';
import { GRAPHIC_CONTRAST } from '../topologyStyles';
import { TopologyLegend } from './TopologyLegend';

describe('TopologyLegend', () => {
  it.each([
    ['light', lightTheme],
    ['dark', darkTheme],
  ])(
    'draws its status borders and edge lines at 3:1 or more against what they are drawn on, in the %s theme (WCAG 1.4.11)',
    async (_name, theme) => {
      await renderInTestApp(
        <ThemeProvider theme={theme}>
          <TopologyLegend impact />
        </ThemeProvider>,
      );
      const items = within(
        screen.getByRole('list', { name: 'Legend' }),
      ).getAllByRole('listitem');
      // 5 statuses, then 5 kinds of edge (with impact)
      expect(items).toHaveLength(10);
      const paper = theme.palette.background.paper;
      for (const item of items.slice(0, 5)) {
        const swatch = item.querySelector('[data-swatch]') as HTMLElement;
        const fill = opaqueOn(getComputedStyle(swatch).backgroundColor, paper);
        expect(
          contrastOn(swatch.style.borderColor, fill),
        ).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
      }
      for (const item of items.slice(5)) {
        const line = item.querySelector('[data-swatch]') as HTMLElement;
        for (const surface of [paper, theme.palette.background.default]) {
          expect(
            contrastOn(line.style.borderTopColor, surface),
          ).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
        }
      }
    },
  );
});
