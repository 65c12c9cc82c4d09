/**
 * How {@link batchesByCost} splits items.
 *
 * @public
 */
export interface BatchLimits {
  /** The total cost a batch stays under (an item that costs more goes alone). */
  readonly limit: number;
  /** The items a batch holds at most; no cap when undefined. */
  readonly maxCount?: number;
}

/**
 * Splits items into consecutive batches whose total cost stays within a limit, as one request's
 * URL or one database statement must: each batch takes items in order until the next one would
 * take it over the limit or it holds `maxCount` items. An item that alone costs more than the
 * limit goes in a batch of its own, so that no item is left out.
 *
 * @param items - the items, in order
 * @param cost - the cost of an item (asked once for each)
 * @param limits - the limit of a batch's total cost and count
 * @returns the batches, in the order of the items; none for no items
 * @public
 */
export function batchesByCost<T>(
  items: Iterable<T>,
  cost: (item: T) => number,
  limits: BatchLimits,
): T[][] {
  const maxCount = limits.maxCount ?? Infinity;
  const batches: T[][] = [];
  let batch: T[] = [];
  let total = 0;
  for (const item of items) {
    const itemCost = cost(item);
    if (
      batch.length > 0 &&
      (batch.length >= maxCount || total + itemCost > limits.limit)
    ) {
      batches.push(batch);
      batch = [];
      total = 0;
    }
    batch.push(item);
    total += itemCost;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
