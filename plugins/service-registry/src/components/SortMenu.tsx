import { MenuItem, TextField } from '@material-ui/core';

/** A field a list can be sorted by, as a {@link SortMenu} names it each way. */
export interface SortMenuField {
  /** The field's name, as its column's title (`Sunset`). */
  label: string;
  /** The ascending order in words (`soonest first`). */
  ascending: string;
  /** The descending order in words (`latest first`). */
  descending: string;
}

/** The words of a field sorted alphabetically (a name, an id), each way. */
export const ALPHABETICAL: Pick<SortMenuField, 'ascending' | 'descending'> = {
  ascending: 'A to Z',
  descending: 'Z to A',
};

/** A list sorted by one of its fields. */
export interface FieldSorting<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

/**
 * A "Sort by" menu for a list on a phone, which has no column headers to click: the list's own
 * order (named by `unsortedLabel`), then each field both ways, in words (`Sunset, latest first`).
 * Outlined and small, as the pages' filters are.
 */
export function SortMenu<F extends string>(props: {
  id: string;
  /** The fields, in the order the menu offers them (the table's columns'). */
  fields: Readonly<Record<F, SortMenuField>>;
  sorting: FieldSorting<F> | undefined;
  unsortedLabel: string;
  onChange: (sorting: FieldSorting<F> | undefined) => void;
  /** The class of the field, and of its label (as the page's filters have them). */
  className?: string;
  labelClassName?: string;
}) {
  const {
    id,
    fields,
    sorting,
    unsortedLabel,
    onChange,
    className,
    labelClassName,
  } = props;
  const keys = Object.keys(fields) as F[];
  const value = sorting ? `${sorting.field}:${sorting.direction}` : '';
  return (
    <TextField
      select
      id={id}
      label="Sort by"
      value={sorting && keys.includes(sorting.field) ? value : ''}
      onChange={e => {
        const [field, direction] = e.target.value.split(':');
        onChange(
          keys.includes(field as F) &&
            (direction === 'asc' || direction === 'desc')
            ? { field: field as F, direction }
            : undefined,
        );
      }}
      variant="outlined"
      size="small"
      className={className}
      InputLabelProps={{ shrink: true, className: labelClassName }}
      SelectProps={{ displayEmpty: true }}
    >
      <MenuItem value="">{unsortedLabel}</MenuItem>
      {keys.flatMap(field => {
        const { label, ascending, descending } = fields[field];
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
