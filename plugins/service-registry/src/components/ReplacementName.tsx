import { ReplacementInfo } from '../api/types';
import { ServiceLink } from './ServiceLink';

/**
 * A deprecated service's declared replacement, named as the deprecation cards write it: a link to
 * its catalog page when the registry declares it (a retired one as text, which the words after it
 * explain: it has no catalog page), else its id as written.
 */
export function ReplacementName(props: { replacement: ReplacementInfo }) {
  const { replacement } = props;
  return replacement.exists ? (
    <ServiceLink
      service={replacement.id}
      status={replacement.status}
      underline="always"
      showRetired={false}
    />
  ) : (
    <>{replacement.id}</>
  );
}
