import { MenuItem, TextField } from '@material-ui/core';
import {
  DEPRECATION_SORT_FIELDS,
  DeprecationSortField,
  DeprecationSorting,
  isDeprecationSortField,
} from './deprecationSorting';

/** The menu's value of a sorting (`sunsetDate:desc`), or `''` for none. */
const valueOf = (sorting: DeprecationSorting | undefined) =>
  sorting ? `${sorting.field}:${sorting.direction}` : '';

/** The sorting of a menu's value; none for `''` or anything else. */
function sortingOf(value: string): DeprecationSorting | undefined {
  const [field, direction] = value.split(':');
  if (!isDeprecationSortField(field)) return undefined;
  if (direction !== 'asc' && direction !== 'desc') return undefined;
  return { field, direction };
}

const FIELDS = Object.keys(DEPRECATION_SORT_FIELDS) as DeprecationSortField[];

/**
 * The sorting of the deprecated services as a menu, for a phone, whose list has no column
 * headers to click: the backend's order (the most urgent first), or a column's field each way,
 * in words ("Sunset, latest first"). It reads and writes the same sorting as the table's headers.
 */
export function DeprecationSortSelect(props: {
  sorting: DeprecationSorting | undefined;
  onChange: (sorting: DeprecationSorting | undefined) => void;
  /** The class of the field, and of its label (as the page's other filters have them). */
  className?: string;
  labelClassName?: string;
}) {
  const { sorting, onChange, className, labelClassName } = props;
  return (
    <TextField
      select
      id="deprecations-sort"
      label="Sort by"
      value={valueOf(sorting)}
      onChange={e => onChange(sortingOf(e.target.value))}
      variant="outlined"
      size="small"
      className={className}
      InputLabelProps={{ shrink: true, className: labelClassName }}
      SelectProps={{ displayEmpty: true }}
    >
      <MenuItem value="">Most urgent first</MenuItem>
      {FIELDS.flatMap(field => {
        const { label, ascending, descending } = DEPRECATION_SORT_FIELDS[field];
        return [
          <MenuItem key={`${field}:asc`} value={`${field}:asc`}>
            {`${label}, ${ascending}`}
          </MenuItem>,
          <MenuItem key={`${field}:desc`} value={`${field}:desc`}>
            {`${label}, ${descending}`}
          </MenuItem>,
        ];
      })}
    </TextField>
  );
}
