import { readSortMenuValue, SortMenu, sortMenuOptions } from '../SortMenu';
import {
  DEPRECATION_SORT_FIELDS,
  DeprecationSortField,
  DeprecationSorting,
  isDeprecationSortField,
} from './deprecationSorting';

const OPTIONS = sortMenuOptions(
  (Object.keys(DEPRECATION_SORT_FIELDS) as DeprecationSortField[]).map(
    field => ({ field, ...DEPRECATION_SORT_FIELDS[field] }),
  ),
);

/** The sorting of a menu's value; none for `''` or anything else. */
function sortingOf(value: string): DeprecationSorting | undefined {
  const read = readSortMenuValue(value);
  return read && isDeprecationSortField(read.field)
    ? { field: read.field, direction: read.direction }
    : undefined;
}

/**
 * The sorting of the deprecated services as a menu, for a phone, whose list has no column
 * headers to click: the backend's order (the most urgent first), or a column's field each way,
 * in words ("Sunset, latest first"). It reads and writes the same sorting as the table's headers.
 */
export function DeprecationSortSelect(props: {
  sorting: DeprecationSorting | undefined;
  onChange: (sorting: DeprecationSorting | undefined) => void;
  className?: string;
  labelClassName?: string;
}) {
  const { sorting, onChange, className, labelClassName } = props;
  return (
    <SortMenu
      id="deprecations-sort"
      value={sorting ? `${sorting.field}:${sorting.direction}` : ''}
      unsortedLabel="Most urgent first"
      options={OPTIONS}
      onChange={value => onChange(sortingOf(value))}
      className={className}
      labelClassName={labelClassName}
    />
  );
}
