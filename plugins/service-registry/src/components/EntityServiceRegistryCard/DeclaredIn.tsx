import { Typography } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { ServiceSummaryResponse } from '../../api/types';

/**
 * "Declared in <file>, line <n>": a link to the line's page when the registry is read from a URL,
 * plain text otherwise.
 */
export function DeclaredIn(props: {
  source: ServiceSummaryResponse['source'];
  className?: string;
}) {
  const { source, className } = props;
  const where = `${source.file}, line ${source.line}`;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      className={className}
    >
      {'Declared in '}
      {source.url ? <Link to={source.url}>{where}</Link> : where}
    </Typography>
  );
}
