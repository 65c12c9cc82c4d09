import { lightTheme } from '@backstage/theme';
import { cardSurfaces, contrastOn } from '../components/contrast';

/**
 * The text colour of an element: the one the plugin's own style rules (its `makeStyles-` classes)
 * give it when one does, else the one jsdom computes. jsdom ignores selector specificity and
 * applies the rules in the order of the style sheets, which in tests put the plugin's sheets
 * before Material UI's: a colour the plugin sets over a Material UI component's own (a label, a
 * chip) would read as Material UI's.
 */
export function textColor(element: Element): string {
  let own: string | undefined;
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (
        rule instanceof CSSStyleRule &&
        rule.selectorText.includes('makeStyles-') &&
        rule.style.color &&
        element.matches(rule.selectorText)
      ) {
        own = rule.style.color;
      }
    }
  }
  return own ?? getComputedStyle(element).color;
}

/**
 * The lowest contrast of an element's text colour ({@link textColor}) against the surfaces it may
 * show on: by default those of a card in the light theme ({@link cardSurfaces}); pass
 * `themeSurfaces(theme)` for text on the page itself.
 */
export function lowestTextContrast(
  element: Element,
  surfaces: string[] = cardSurfaces(lightTheme),
): number {
  const color = textColor(element);
  return Math.min(...surfaces.map(surface => contrastOn(color, surface)));
}

/** The contrast of a filled element's text colour against its own background colour. */
export function fillContrast(element: Element): number {
  const style = getComputedStyle(element);
  return contrastOn(style.color, style.backgroundColor);
}

/**
 * The text an element shows on screen, with runs of white space as one space: its text, without
 * the SVG `<title>`s (a name, not something drawn). Text hidden from assistive technology with
 * `aria-hidden` still shows, so it counts.
 */
export function shownText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.tagName.toLowerCase() === 'title') return;
    node.childNodes.forEach(walk);
  };
  walk(element);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The words of a text as speech input matches a control's name: lower case, without
 * punctuation and without what is in parentheses, joined by single spaces.
 */
export function spokenWords(text: string): string {
  let words = text;
  for (let previous = ''; previous !== words; ) {
    previous = words;
    words = words.replace(/\([^()]*\)/g, ' ');
  }
  return words
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * True when the words an element shows are, in order and together, part of its accessible name
 * (WCAG 2.5.3 "Label in Name"): what a speech input user says to press it.
 */
export function nameContainsShownText(element: Element, name: string): boolean {
  const shown = spokenWords(shownText(element));
  return ` ${spokenWords(name)} `.includes(` ${shown} `);
}
