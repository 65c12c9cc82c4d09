import { useState } from 'react';
import { Box, Button, Typography, makeStyles } from '@material-ui/core';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { serviceRegistryRemindPermission } from '@service-registry/plugin-service-registry-common';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { ReminderStatusResponse } from '../../api/types';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
}));

/** `user:default/jane.doe` → `jane.doe`; other refs as written. */
function userName(ref: string): string {
  const match = /^user:(?:default\/)?(.+)$/i.exec(ref);
  return match ? match[1] : ref;
}

/** What the backend said went wrong: its own message, not the HTTP status line. */
function reasonOf(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string } };
  return e?.cause?.message || e?.message || String(error);
}

/** Props of {@link RemindConsumersButton}. */
export interface RemindConsumersButtonProps {
  /** The deprecated service. */
  service: string;
  /** Its registry; undefined for the backend's only one (or `default`). */
  registry: string | undefined;
}

/**
 * "Remind consumers": sends the owners of a deprecated service's consumers a Backstage
 * notification of where its migration stands (once a day per service), and says when the last
 * reminder went out and who sent it. The button shows to users with the
 * `service-registry.deprecation.remind` permission on the entity of the page (a policy may allow
 * it to the entity's owners only, as the backend checks it); the whole line stays hidden when the
 * portal's backend has no notifications module. Rendered inside an entity page (`useEntity`).
 */
export function RemindConsumersButton(props: RemindConsumersButtonProps) {
  const { service, registry } = props;
  const api = useApi(serviceRegistryApiRef);
  const [sent, setSent] = useState(0);
  const status = useAbortableAsync(
    signal => api.getReminderStatus(service, { registry }, { signal }),
    [api, service, registry, sent],
  );
  // reminders unavailable (no notifications module) or not known: nothing to offer
  if (!status.value) return null;
  return (
    <ReminderLine
      {...props}
      status={status.value}
      onSent={() => setSent(n => n + 1)}
    />
  );
}

/** The button (for users allowed to remind) and the last reminder. */
function ReminderLine(
  props: RemindConsumersButtonProps & {
    status: ReminderStatusResponse;
    onSent: () => void;
  },
) {
  const { service, registry, status, onSent } = props;
  const classes = useStyles();
  const api = useApi(serviceRegistryApiRef);
  const alertApi = useApi(alertApiRef);
  const { entity } = useEntity();
  const { allowed } = usePermission({
    permission: serviceRegistryRemindPermission,
    resourceRef: stringifyEntityRef(entity),
  });
  const [sending, setSending] = useState(false);
  const { last, canRemind } = status;

  const remind = async () => {
    setSending(true);
    try {
      const result = await api.remindConsumers(service, { registry });
      const told = result.notified.reduce((n, g) => n + g.consumers.length, 0);
      alertApi.post({
        message: `Reminded the owners of ${told} consuming ${
          told === 1 ? 'service' : 'services'
        } of ${service}${
          result.deferred.length > 0
            ? ` (${result.deferred.length} not in the catalog yet)`
            : ''
        }`,
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      alertApi.post({
        message: `Could not remind the consumers of ${service}: ${reasonOf(
          error,
        )}`,
        severity: 'error',
      });
    } finally {
      setSending(false);
      onSent();
    }
  };

  return (
    <Box className={classes.root}>
      {allowed && (
        <Button
          variant="outlined"
          color="primary"
          size="small"
          disabled={!canRemind || sending}
          onClick={remind}
        >
          Remind consumers
        </Button>
      )}
      <Typography variant="caption" color="textSecondary">
        {last
          ? `Last reminder ${last.at.slice(0, 10)} by ${userName(last.by)}${
              canRemind ? '' : ' (one reminder a day)'
            }`
          : 'No reminder sent yet: consumers hear of the deprecation when it is announced, when its sunset comes near and when it passes'}
      </Typography>
    </Box>
  );
}
