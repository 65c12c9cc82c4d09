/**
 * The items as rows of Backstage's `Table` (material-table), each a copy with an `id` made from
 * what identifies the item.
 *
 * The table keys the elements of its rows by the `id` they had in its previous data: a row that
 * stays when the data changes (a filter, a search, the next answer of the backend) keeps its
 * element, so a link a reader has focused or text they have selected in it stays. Rows without
 * an `id` are all mounted again on every change (and the table warns about them in development).
 * The rows are copies, as the table adds its own state to the rows it is given.
 *
 * @param items - the items, in the order of the rows
 * @param keyOf - what identifies an item; items with the same key get ` #2`, ` #3`, … after it, so
 *   ids stay unique (and past any id taken already)
 */
export function withRowIds<T extends object>(
  items: readonly T[],
  keyOf: (item: T) => string,
): Array<T & { id: string }> {
  const used = new Set<string>();
  return items.map(item => {
    const key = keyOf(item);
    let id = key;
    for (let n = 2; used.has(id); n++) id = `${key} #${n}`;
    used.add(id);
    return { ...item, id };
  });
}
