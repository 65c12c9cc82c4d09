import { ReactNode } from 'react';
import { Link, LinkProps } from '@backstage/core-components';
import { useServiceLink } from './useServiceLink';

/** Props of {@link ServiceLink}. */
export interface ServiceLinkProps {
  /**
   * The service id (the name the provider gives its Component; its page is found through the
   * catalog inside a `ServiceEntityRefsProvider`, see `useServiceLink`).
   */
  service: string;
  /**
   * Its lifecycle status, as the data at hand says it (undefined when unknown): a `retired`
   * service has no catalog page and is written as text.
   */
  status: string | undefined;
  /** False for a service no registry file declares: no catalog page either (default true). */
  declared?: boolean;
  /** What the link reads (default: the service id). */
  children?: ReactNode;
  /** The link's underline (`always` inside sentences). */
  underline?: LinkProps['underline'];
  /**
   * Writes "(retired)" after a retired service, for places that do not show its status beside it
   * (default true).
   */
  showRetired?: boolean;
}

/**
 * A registry service linked to its catalog page, or as text when the catalog has none: a retired
 * service (which the catalog provider does not emit; its status is written after it unless the
 * place shows it already) and one no registry file declares.
 */
export function ServiceLink(props: ServiceLinkProps) {
  const {
    service,
    status,
    declared = true,
    children,
    underline,
    showRetired = true,
  } = props;
  const link = useServiceLink();
  const to = declared ? link(service, status) : undefined;
  const text = children ?? service;
  if (to) {
    return (
      <Link to={to} underline={underline}>
        {text}
      </Link>
    );
  }
  return (
    <span data-catalog-page="none">
      {text}
      {showRetired && status === 'retired' ? ' (retired)' : ''}
    </span>
  );
}
