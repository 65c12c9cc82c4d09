import { Typography } from '@material-ui/core';
import { BreakingChangeNotice } from '@service-registry/plugin-service-registry-common';
import { ServiceSummaryFacts } from '../../api/types';
import { Fact, FactList, Missing } from '../RegistryCardParts/FactList';
import { ServiceStatusChip } from './ServiceStatusChip';
import { ServiceLink } from '../ServiceLink';
import { inheritedText } from './inheritedText';
import { OwnerValue } from '../RegistryCardParts/OwnerValue';
import { NotDeclared } from '../RegistryCardParts/NotDeclared';
import { CatalogFacts } from '../../lib/catalogFactsOfEntity';
import { serviceProjectLabel } from '../../lib/serviceProjectLabel';

/** `30 days (beta)`: the notice, and for a beta service's that it is the stage's, not its own. */
function breakingChangeNoticeText(notice: BreakingChangeNotice): string {
  const days = `${notice.days} day${notice.days === 1 ? '' : 's'}`;
  switch (notice.source) {
    case 'lifecycle':
      return `${days} (beta)`;
    case 'policies':
      return `${days} (beta, by the registry's policies)`;
    default:
      return days;
  }
}

/**
 * What the registry declares for a service, as a description list: version, status, tier (and
 * where it comes from), port, project, type, owner (and where it comes from), and the
 * compatibility, notice and deprecation facts when it has them. On the service's page, a status,
 * type or owner it leaves out is set beside what the catalog shows instead.
 */
export function ServiceRegistryFacts(props: {
  facts: ServiceSummaryFacts;
  /** What the catalog says of the service's entity, on its page. */
  catalog?: CatalogFacts;
}) {
  const { facts, catalog } = props;
  const rows: Fact[] = [
    ['Version', facts.version ?? <Missing>not declared</Missing>],
    [
      'Status',
      facts.status ? (
        <ServiceStatusChip status={facts.status} />
      ) : (
        <NotDeclared catalogShows={catalog?.lifecycle} />
      ),
    ],
    [
      'Tier',
      inheritedText(facts.tier, facts.effectiveTier, facts) ?? (
        <Missing>none</Missing>
      ),
    ],
    [
      'Port',
      facts.port !== undefined ? String(facts.port) : <Missing>none</Missing>,
    ],
    [
      'Project',
      serviceProjectLabel(
        facts.project,
        facts.projectName && facts.projectName !== facts.project
          ? `${facts.projectName} (${facts.project})`
          : undefined,
      ),
    ],
    ['Type', facts.type ?? <NotDeclared catalogShows={catalog?.type} />],
    [
      'Owner',
      <OwnerValue
        owner={inheritedText(facts.owner, facts.effectiveOwner, facts)}
        catalogOwner={catalog?.owner}
      />,
    ],
  ];
  if (facts.compatVersionMin) {
    rows.push(['Compatible from', facts.compatVersionMin]);
  }
  if (facts.breakingChangeNotice) {
    rows.push([
      'Notice of breaking changes',
      breakingChangeNoticeText(facts.breakingChangeNotice),
    ]);
  }
  if (facts.deprecationDate) {
    rows.push(['Deprecated on', facts.deprecationDate]);
  }
  if (facts.sunsetDate) {
    rows.push(['Sunset', facts.sunsetDate]);
  }
  if (facts.replacementService) {
    rows.push([
      'Replacement',
      facts.replacementDeclared === false ? (
        `${facts.replacementService} (not declared in the registry)`
      ) : (
        // a retired replacement has no catalog page: as text, "(retired)" after it
        <ServiceLink
          service={facts.replacementService}
          status={facts.replacementStatus}
        />
      ),
    ]);
  }
  return (
    <>
      <FactList facts={rows} />
      {facts.overriddenBy.length > 0 && (
        <Typography variant="body2" component="p">
          {`Overridden by projects: ${facts.overriddenBy.join(', ')}`}
        </Typography>
      )}
    </>
  );
}
