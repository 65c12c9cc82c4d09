import {
  Box,
  Button,
  MenuItem,
  TextField,
  makeStyles,
} from '@material-ui/core';
import { FilterOption, NO_FILTERS, SlaFilters } from './filterSlaOverview';
import { usePageTextStyles } from '../usePageTextStyles';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: 160 },
}));

const LABELS: Record<keyof SlaFilters, string> = {
  project: 'Project',
  tier: 'Tier',
  owner: 'Owner',
  compliance: 'Compliance',
};

const KEYS = Object.keys(LABELS) as Array<keyof SlaFilters>;

/** The project, tier, owner and compliance selects of the SLA page, with a reset button. */
export function SlaFilterBar(props: {
  filters: SlaFilters;
  options: Record<keyof SlaFilters, FilterOption[]>;
  onChange: (filters: SlaFilters) => void;
}) {
  const { filters, options, onChange } = props;
  const classes = useStyles();
  const pageText = usePageTextStyles();
  const active = KEYS.some(key => filters[key] !== '');
  return (
    <Box className={classes.bar} role="search" aria-label="Filter services">
      {KEYS.map(key => (
        <TextField
          key={key}
          select
          id={`service-registry-sla-filter-${key}`}
          label={LABELS[key]}
          value={filters[key]}
          size="small"
          variant="outlined"
          className={classes.select}
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true, className: pageText.secondary }}
          onChange={e => onChange({ ...filters, [key]: e.target.value })}
        >
          <MenuItem value="">All</MenuItem>
          {options[key].map(option => (
            <MenuItem key={option.value} value={option.value}>
              {option.label}
            </MenuItem>
          ))}
        </TextField>
      ))}
      <Button
        size="small"
        disabled={!active}
        onClick={() => onChange(NO_FILTERS)}
      >
        Clear filters
      </Button>
    </Box>
  );
}
