import { Box, List, ListItem, Typography } from '@material-ui/core';
import { useEntryListStyles } from '../entryListStyles';
import { SlaOverviewService } from '@service-registry/plugin-service-registry-common';
import { SlaComplianceStatus } from '../EntityServiceSlaCard/SlaComplianceStatus';
import {
  DeclaredAvailability,
  DeclaredP99,
  SlaGaps,
  SlaServiceName,
  slaProjectText,
} from './slaServiceParts';

/**
 * A tier's services for a narrow screen (a phone), in the order given: each its name with its
 * compliance, its project and owner, and the availability, p99 and gaps the table has in columns
 * that a phone could only scroll to.
 */
export function SlaServiceList(props: {
  /** The list's accessible name (`Services of the Critical tier`). */
  label: string;
  services: SlaOverviewService[];
  projectNames: Map<string, string>;
}) {
  const { label, services, projectNames } = props;
  const classes = useEntryListStyles();
  return (
    <List className={classes.list} aria-label={label}>
      {services.map(service => (
        <ListItem key={service.id} divider className={classes.item}>
          <Box className={classes.heading}>
            <div className={classes.name}>
              <SlaServiceName service={service} />
            </div>
            <SlaComplianceStatus compliance={service.compliance} />
          </Box>
          <Typography variant="caption" color="textSecondary" display="block">
            {`${slaProjectText(service, projectNames)} · ${
              service.owner ?? 'no owner'
            }`}
          </Typography>
          <Typography variant="body2" component="dl" className={classes.facts}>
            <dt>Availability</dt>
            <dd>
              <DeclaredAvailability service={service} />
            </dd>
            <dt>p99</dt>
            <dd>
              <DeclaredP99 service={service} />
            </dd>
            <dt>Gaps</dt>
            <dd>
              <SlaGaps service={service} />
            </dd>
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}
