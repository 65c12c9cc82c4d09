import { Typography } from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ServiceSummaryFacts } from '../../api/types';
import { Fact, FactList, Missing } from '../RegistryCardParts/FactList';
import { ServiceStatusChip } from './ServiceStatusChip';
import { serviceEntityRef } from './templateFormLink';
import { tierText } from './tierText';
import { serviceProjectLabel } from '../../lib/serviceProjectLabel';

/**
 * What the registry declares for a service, as a description list: version, status, tier (and
 * where it comes from), port, project, type, owner, and the compatibility and deprecation facts
 * when it sets them.
 */
export function ServiceRegistryFacts(props: { facts: ServiceSummaryFacts }) {
  const { facts } = props;
  const rows: Fact[] = [
    ['Version', facts.version ?? <Missing>not declared</Missing>],
    [
      'Status',
      facts.status ? (
        <ServiceStatusChip status={facts.status} />
      ) : (
        <Missing>not declared</Missing>
      ),
    ],
    [
      'Tier',
      facts.tier || facts.effectiveTier ? (
        tierText(facts)
      ) : (
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
    ['Type', facts.type ?? <Missing>not declared</Missing>],
    ['Owner', facts.owner ?? <Missing>none</Missing>],
  ];
  if (facts.compatVersionMin) {
    rows.push(['Compatible from', facts.compatVersionMin]);
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
        <EntityRefLink entityRef={serviceEntityRef(facts.replacementService)}>
          {facts.replacementService}
        </EntityRefLink>
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
