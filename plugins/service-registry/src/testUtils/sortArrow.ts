/**
 * The column whose header shows the sort arrow in a Backstage (material-table) table, and its
 * direction (`Sunset desc`), if any: the arrow of material-table's header is Material UI's
 * `TableSortLabel`, which has no ARIA state. Fails when more than one column shows it.
 *
 * @param table - the table's element
 */
export function sortArrowOf(table: HTMLElement): string | undefined {
  const sorted = Array.from(table.querySelectorAll('thead th')).flatMap(
    header => {
      const label = header.querySelector('[class*="MuiTableSortLabel-active"]');
      if (!label) return [];
      const desc = label.querySelector(
        '[class*="MuiTableSortLabel-iconDirectionDesc"]',
      );
      return [`${header.textContent} ${desc ? 'desc' : 'asc'}`];
    },
  );
  if (sorted.length > 1) {
    throw new Error(`More than one column shows a sort arrow: ${sorted}`);
  }
  return sorted[0];
}
