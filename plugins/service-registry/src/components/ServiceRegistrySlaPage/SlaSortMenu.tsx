import { readSortMenuValue, SortMenu, sortMenuOptions } from '../SortMenu';
import { SLA_SORT_COLUMNS, SlaSort, SlaSortKey } from './sortServices';

const OPTIONS = sortMenuOptions(
  SLA_SORT_COLUMNS.map(column => ({ field: column.key, ...column })),
);

const isSortKey = (key: string): key is SlaSortKey =>
  SLA_SORT_COLUMNS.some(column => column.key === key);

/**
 * How each tier lists its services on a phone, whose lists have no column headers to click: by
 * id (the tables' order before a header is clicked), or a column each way, in words
 * ("Availability, lowest first"). The same sorting as the tables' headers.
 */
export function SlaSortMenu(props: {
  sort: SlaSort | undefined;
  onSort: (sort: SlaSort | undefined) => void;
  className?: string;
  labelClassName?: string;
}) {
  const { sort, onSort, className, labelClassName } = props;
  return (
    <SortMenu
      id="service-registry-sla-sort"
      value={sort ? `${sort.by}:${sort.direction}` : ''}
      unsortedLabel="Service id, A to Z"
      options={OPTIONS}
      onChange={value => {
        const read = readSortMenuValue(value);
        onSort(
          read && isSortKey(read.field)
            ? { by: read.field, direction: read.direction }
            : undefined,
        );
      }}
      className={className}
      labelClassName={labelClassName}
    />
  );
}
