import { TomlEditValue } from './renderToml';
import { TomlArrayNode, TomlValueNode } from './scanStatements';
import { insertItem, removeItem, replaceItem } from './sequenceText';

/** An element of an array as the file writes it. */
export interface WrittenElement {
  /** The text the element's node points into. */
  text: string;
  /** The element as scanned. */
  node: TomlValueNode;
  /** The element as parsed. */
  value: unknown;
}

/** How the elements of an array are compared and written (see {@link editArrayText}). */
export interface ArrayElementRules {
  /** Whether a written element already says what the wanted one says: it is kept as written. */
  same(written: unknown, wanted: TomlEditValue): boolean;
  /**
   * Whether a written element and a wanted one are the same entry with another value (the same
   * dependency with another range, say): the element is then rewritten where it is.
   */
  sameEntry(written: unknown, wanted: TomlEditValue): boolean;
  /**
   * Renders a wanted element in the style of the elements the array writes: `like` lists them
   * nearest first (the elements that stay before those that go), or holds only the element it
   * replaces; it is empty when the array has none. Returns the text and the value that text
   * parses to.
   */
  render(
    wanted: TomlEditValue,
    like: readonly WrittenElement[],
  ): { text: string; value: TomlEditValue };
}

type Step =
  | { kind: 'keep' | 'replace'; old: number; wanted: number }
  | { kind: 'remove'; old: number }
  | { kind: 'insert'; wanted: number };

/**
 * The steps from the written elements to the wanted ones: a longest common subsequence of
 * entries, so that the elements that stay keep their place and their text. Where elements are
 * both removed and inserted, removals come first (an element that takes another's place goes
 * after it).
 */
function align(
  written: readonly unknown[],
  wanted: readonly TomlEditValue[],
  rules: ArrayElementRules,
): Step[] {
  const n = written.length;
  const m = wanted.length;
  const match = (i: number, j: number) =>
    rules.sameEntry(written[i], wanted[j]);
  const lcs = Array.from({ length: n + 1 }, () =>
    new Array<number>(m + 1).fill(0),
  );
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = match(i, j)
        ? lcs[i + 1][j + 1] + 1
        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && match(i, j) && lcs[i][j] === lcs[i + 1][j + 1] + 1) {
      steps.push({
        kind: rules.same(written[i], wanted[j]) ? 'keep' : 'replace',
        old: i,
        wanted: j,
      });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      steps.push({ kind: 'remove', old: i });
      i++;
    } else {
      steps.push({ kind: 'insert', wanted: j });
      j++;
    }
  }
  return steps;
}

/**
 * Changes the elements of an array in place, so that it holds the wanted elements: elements
 * that stay keep their text (comments included), a removed element's line goes (with its
 * comment), an element of an entry that changes is rewritten where it is, an element that moves
 * to another place keeps its text, and a new element is written in the style of its neighbours
 * (one per line, or inline). An array that ends up with no element is written `[]`.
 *
 * @param text - the text that holds the array
 * @param locate - finds the array in a text (called again after each step of the edit)
 * @param written - the array's elements as parsed
 * @param wanted - the elements it is to hold
 * @param rules - how elements are compared and written
 * @param eol - the file's line ending
 * @returns the new text and the elements it writes, or undefined when the scanned array does not
 *   match the parsed one (the caller then rewrites the array)
 */
export function editArrayText(
  text: string,
  locate: (text: string) => TomlArrayNode | undefined,
  written: readonly unknown[],
  wanted: readonly TomlEditValue[],
  rules: ArrayElementRules,
  eol: string,
): { text: string; value: TomlEditValue[] } | undefined {
  const node = locate(text);
  if (!node || node.items.length !== written.length) return undefined;
  const like = (old: number): WrittenElement => ({
    text,
    node: node.items[old].value,
    value: written[old],
  });
  const steps = align(written, wanted, rules);
  // elements that go, which an element that moves elsewhere in the list can take its text from
  const moving = new Set(
    steps.flatMap(s => (s.kind === 'remove' ? [s.old] : [])),
  );
  const movedFrom = (wantedValue: TomlEditValue) => {
    const from =
      [...moving].find(i => rules.same(written[i], wantedValue)) ??
      [...moving].find(i => rules.sameEntry(written[i], wantedValue));
    if (from !== undefined) moving.delete(from);
    return from;
  };
  const value: TomlEditValue[] = [];
  const rendered = steps.map((step, k) => {
    if (step.kind === 'keep') {
      value.push(written[step.old] as TomlEditValue);
      return undefined;
    }
    if (step.kind === 'remove') return undefined;
    const from =
      step.kind === 'insert' ? movedFrom(wanted[step.wanted]) : undefined;
    if (from !== undefined && rules.same(written[from], wanted[step.wanted])) {
      // moved: the same text at its new place
      value.push(written[from] as TomlEditValue);
      const { start, end } = node.items[from].value;
      return text.slice(start, end);
    }
    let neighbours: number[];
    if (step.kind === 'replace') neighbours = [step.old];
    else if (from !== undefined) neighbours = [from];
    else {
      // the elements that stay, nearest first (before it, then after it), then those that go
      const olds = (list: Step[], kinds: Step['kind'][]) =>
        list.flatMap(s =>
          kinds.includes(s.kind) && 'old' in s ? [s.old] : [],
        );
      const before = steps.slice(0, k).reverse();
      const after = steps.slice(k + 1);
      neighbours = [
        ...olds(before, ['keep', 'replace']),
        ...olds(after, ['keep', 'replace']),
        ...olds(before, ['remove']),
        ...olds(after, ['remove']),
      ];
    }
    const out = rules.render(wanted[step.wanted], neighbours.map(like));
    value.push(out.value);
    return out.text;
  });

  if (steps.length > 0 && steps.every(s => s.kind === 'remove')) {
    return {
      text: `${text.slice(0, node.start)}[]${text.slice(node.end)}`,
      value,
    };
  }
  let current = text;
  const at = () => {
    const found = locate(current);
    if (!found) throw new Error('the array was lost while it was edited');
    return found;
  };
  // replacements first, at their own place; then insertions in order, each at its place in the
  // final order (every element before it is there by then); then removals, from the end
  steps.forEach((step, k) => {
    if (step.kind === 'replace') {
      current = replaceItem(current, at().items[step.old], rendered[k]!);
    }
  });
  steps.forEach((step, k) => {
    if (step.kind === 'insert') {
      current = insertItem(current, at(), k, rendered[k]!, eol);
    }
  });
  for (let k = steps.length - 1; k >= 0; k--) {
    if (steps[k].kind === 'remove') current = removeItem(current, at(), k);
  }
  return { text: current, value };
}
