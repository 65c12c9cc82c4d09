import { MenuItem, TextField } from '@material-ui/core';

/** One way a list can be sorted, as a {@link SortMenu} offers it. */
export interface SortMenuOption {
  /** The sorting, as one string (`sunsetDate:desc`). */
  value: string;
  /** The sorting in words (`Sunset, latest first`). */
  label: string;
}

/** The options of a menu for each field both ways, in words: `Sunset, soonest first`, … */
export function sortMenuOptions(
  fields: ReadonlyArray<{
    field: string;
    label: string;
    ascending: string;
    descending: string;
  }>,
): SortMenuOption[] {
  return fields.flatMap(({ field, label, ascending, descending }) => [
    { value: `${field}:asc`, label: `${label}, ${ascending}` },
    { value: `${field}:desc`, label: `${label}, ${descending}` },
  ]);
}

/** The field and direction of a {@link sortMenuOptions} value, or undefined for another. */
export function readSortMenuValue(
  value: string,
): { field: string; direction: 'asc' | 'desc' } | undefined {
  const [field, direction, ...rest] = value.split(':');
  if (!field || rest.length > 0) return undefined;
  if (direction !== 'asc' && direction !== 'desc') return undefined;
  return { field, direction };
}

/**
 * A "Sort by" menu for a list on a phone, which has no column headers to click: the list's own
 * order (`value` `''`, named by `unsortedLabel`), then each option. Outlined and small, as the
 * pages' filters are.
 */
export function SortMenu(props: {
  id: string;
  value: string;
  unsortedLabel: string;
  options: readonly SortMenuOption[];
  onChange: (value: string) => void;
  /** The class of the field, and of its label (as the page's filters have them). */
  className?: string;
  labelClassName?: string;
}) {
  const {
    id,
    value,
    unsortedLabel,
    options,
    onChange,
    className,
    labelClassName,
  } = props;
  return (
    <TextField
      select
      id={id}
      label="Sort by"
      value={options.some(o => o.value === value) ? value : ''}
      onChange={e => onChange(e.target.value)}
      variant="outlined"
      size="small"
      className={className}
      InputLabelProps={{ shrink: true, className: labelClassName }}
      SelectProps={{ displayEmpty: true }}
    >
      <MenuItem value="">{unsortedLabel}</MenuItem>
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
