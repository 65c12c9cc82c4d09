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
  // the look of Material UI's disabled outlined button, on a button that keeps the focus
  inactive: {
    color: theme.palette.action.disabled,
    borderColor: theme.palette.action.disabledBackground,
    cursor: 'default',
    '&:hover': {
      backgroundColor: 'transparent',
      borderColor: theme.palette.action.disabledBackground,
    },
    // its greys alone would hide where the keyboard's focus is
    '&.Mui-focusVisible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
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
  const inactive = !canRemind || sending;
  const captionId = `remind-consumers-${service}`;

  const remind = async () => {
    if (inactive) return;
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
        // aria-disabled, not disabled: a disabled button gives up the focus, and the keyboard user
        // who has just pressed it would be sent back to the top of the page; the line beside it,
        // its description, says why it does nothing
        <Button
          variant="outlined"
          color="primary"
          size="small"
          aria-disabled={inactive}
          aria-describedby={captionId}
          className={inactive ? classes.inactive : undefined}
          onClick={remind}
        >
          Remind consumers
        </Button>
      )}
      <Typography id={captionId} variant="caption" color="textSecondary">
        {last
          ? `Last reminder ${last.at.slice(0, 10)} by ${userName(last.by)}${
              canRemind ? '' : ' (one reminder a day)'
            }`
          : 'No reminder sent yet: consumers hear of the deprecation when it is announced, when its sunset comes near and when it passes'}
      </Typography>
    </Box>
  );
}
