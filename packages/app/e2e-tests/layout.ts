import { Locator } from '@playwright/test';

/** True when an element is no wider than its parent's content box (it does not scroll sideways). */
export function fitsItsParent(element: Locator): Promise<boolean> {
  return element.evaluate(
    node => node.scrollWidth <= node.parentElement!.clientWidth + 1,
  );
}

/** The number of lines the text of an element is laid out on. */
export function renderedLines(element: Locator): Promise<number> {
  return element.evaluate(root => {
    const tops: number[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width > 0 && !tops.some(top => Math.abs(top - rect.top) < 3)) {
          tops.push(rect.top);
        }
      }
    }
    return tops.length;
  });
}

/**
 * The places where a text of an element is broken over two lines inside a word (not after a
 * space, `-` or `/`), each as the text around it with `|` at the break: `ecommerc|e-team`.
 */
export function breaksInsideWords(element: Locator): Promise<string[]> {
  return element.evaluate(root => {
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // within one text: between two elements (a link and a caption under it) a line may break
      let previousTop: number | undefined;
      let previousChar = '';
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        // a space at the end of a line is collapsed: it has no box, but it is where the line broke
        if (!rect || rect.width === 0) {
          previousChar = text[i];
          continue;
        }
        if (
          previousTop !== undefined &&
          rect.top > previousTop + 3 &&
          !/[\s\-/]/.test(previousChar) &&
          !/\s/.test(text[i])
        ) {
          found.push(
            `${text.slice(Math.max(0, i - 8), i)}|${text.slice(i, i + 8)}`,
          );
        }
        previousTop = rect.top;
        previousChar = text[i];
      }
    }
    return found;
  });
}

/**
 * The texts inside an element that are cut short where they are shown (an element that hides
 * what overflows it, typically with an ellipsis, holding more than it shows).
 */
export function cutShortTexts(element: Locator): Promise<string[]> {
  return element.evaluate(root => {
    const found: string[] = [];
    for (const node of [root, ...Array.from(root.querySelectorAll('*'))]) {
      const style = getComputedStyle(node);
      if (
        style.overflowX !== 'visible' &&
        node.scrollWidth > node.clientWidth + 1 &&
        node.textContent
      ) {
        found.push(node.textContent);
      }
    }
    return found;
  });
}
