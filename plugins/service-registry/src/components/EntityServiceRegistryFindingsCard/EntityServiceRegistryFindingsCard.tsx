import { Box, List, ListItem, Typography, makeStyles } from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_SOURCE_FILE,
  normalizeRegistryPath,
} from '@service-registry/plugin-service-registry-common';
import { AsyncContent } from '../AsyncContent';
import { registryOfEntity } from '../../lib/registryOfEntity';
import { registryPageLink } from '../../lib/registryPageLink';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { RegistryFindingItem } from '../../api/types';
import { findingsRouteRef } from '../../routes';
import {
  compareFindings,
  countBySeverity,
  countLabel,
  isFileTooLargeFinding,
  isParseFinding,
  SEVERITIES,
  useOptionalRouteRef,
} from './findingParts';
import { FindingEntry } from './FindingEntry';
import { readableText } from '../contrast';
import { serviceIdOfEntity } from '../../lib/serviceIdOfEntity';

const useStyles = makeStyles(theme => ({
  list: { paddingTop: 0 },
  item: { display: 'block' },
  clean: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    // the success colour, as dark (light) as the words need to read on the card
    color: readableText(theme, theme.palette.success.main),
  },
  alert: { marginBottom: theme.spacing(2) },
}));

/**
 * Props of {@link EntityServiceRegistryFindingsCard}.
 *
 * @public
 */
export interface EntityServiceRegistryFindingsCardProps {
  /** Card title (default "Registry findings"). */
  title?: string;
  /**
   * Show a link to the registry findings page (default true). The link only appears when the app
   * mounts that page; without it the card renders the same, minus the link.
   */
  showFindingsPageLink?: boolean;
  /** Most findings listed (default 20, errors first); the counts always cover all of them. */
  maxItems?: number;
}

/** What the card shows once loaded. */
interface CardFindings {
  /** The findings of the service, errors first. */
  items: RegistryFindingItem[];
  /**
   * Errors that keep the file that declares the service from loading: it does not parse, or it
   * is above the size limit for a registry file.
   */
  parseErrors: RegistryFindingItem[];
  /** The registry file that declares the service, when annotated. */
  sourceFile?: string;
}

/**
 * The validation findings of the current service in the service registry, errors first, each
 * with its code, message and a link to the line of the registry file; and the errors that keep
 * the file that declares it from loading (syntax errors, or the file is above the size limit for
 * a registry file), which keep its catalog entry at its last good version.
 *
 * @public
 */
export function EntityServiceRegistryFindingsCard(
  props: EntityServiceRegistryFindingsCardProps,
) {
  const {
    title = 'Registry findings',
    showFindingsPageLink = true,
    maxItems = 20,
  } = props;
  const { entity } = useEntity();
  const api = useApi(serviceRegistryApiRef);
  const findingsRoute = useOptionalRouteRef(findingsRouteRef);
  const annotations = entity.metadata.annotations ?? {};
  const registry = registryOfEntity(entity);
  const sourceFile = annotations[ANNOTATION_SOURCE_FILE];
  const service = serviceIdOfEntity(entity);
  const isComponent = entity.kind.toLocaleLowerCase('en-US') === 'component';

  const state = useAbortableAsync(
    async (signal): Promise<CardFindings | undefined> => {
      if (!isComponent) return undefined;
      const file = sourceFile ? normalizeRegistryPath(sourceFile) : undefined;
      const [own, fileErrors] = await Promise.all([
        api.getFindings({ registry, service }, { signal }),
        file
          ? api.getFindings({ registry, file, severity: 'error' }, { signal })
          : Promise.resolve(undefined),
      ]);
      const parseErrors = (fileErrors?.items ?? []).filter(
        f => isParseFinding(f) && normalizeRegistryPath(f.file) === file,
      );
      const items = [...own.items].sort(compareFindings);
      return { items, parseErrors, sourceFile: file };
    },
    [api, registry, service, sourceFile, isComponent],
  );

  let content: JSX.Element;
  if (!isComponent) {
    content = (
      <EmptyState
        missing="field"
        title="Not a registry service"
        description="Registry findings are shown for Components that the service registry declares."
      />
    );
  } else {
    content = (
      <AsyncContent
        state={state}
        errorTitle="Could not load the registry findings"
      >
        {findings => (
          <FindingsBody
            service={service}
            findings={findings}
            maxItems={maxItems}
          />
        )}
      </AsyncContent>
    );
  }

  const deepLink =
    showFindingsPageLink && findingsRoute
      ? {
          title: 'All registry findings',
          // the findings page of the card's registry
          link: registryPageLink(findingsRoute(), {}, registry),
        }
      : undefined;

  return (
    <InfoCard
      title={title}
      titleTypographyProps={{ component: 'h2' }}
      subheader={`Validation of ${service} in ${
        registry ? `the service registry "${registry}"` : 'the service registry'
      }`}
      deepLink={deepLink}
    >
      {content}
    </InfoCard>
  );
}

function FindingsBody(props: {
  service: string;
  findings: CardFindings;
  maxItems: number;
}) {
  const classes = useStyles();
  const { service, findings, maxItems } = props;
  const { items, parseErrors, sourceFile } = findings;
  const counts = countBySeverity(items);
  const summary = SEVERITIES.filter(s => counts[s] > 0)
    .map(s => countLabel(s, counts[s]))
    .join(' · ');
  const tooLarge = parseErrors.some(isFileTooLargeFinding);
  const clean =
    parseErrors.length > 0
      ? `No other findings: the last good registry entry of ${service} is clean`
      : "No findings: this service's registry entry is clean";

  return (
    <>
      {parseErrors.length > 0 && (
        <Alert severity="error" className={classes.alert}>
          {tooLarge ? (
            <>
              <AlertTitle>
                {sourceFile} is not read: it is above the size limit for a
                registry file; the catalog shows its last good version
              </AlertTitle>
              <Typography variant="body2">
                {sourceFile} declares {service}. Until it is back under the
                limit (split or shrink it), the catalog and the findings below
                come from its last good version.
              </Typography>
            </>
          ) : (
            <>
              <AlertTitle>
                This file does not parse; the catalog shows its last good
                version
              </AlertTitle>
              <Typography variant="body2">
                {sourceFile} declares {service}. Until its syntax is fixed, the
                catalog and the findings below come from its last good version.
              </Typography>
            </>
          )}
          <FindingList
            items={parseErrors}
            label={
              tooLarge
                ? `Why ${sourceFile} is not read`
                : `Parse errors of ${sourceFile}`
            }
          />
        </Alert>
      )}
      {items.length === 0 ? (
        <Box className={classes.clean} role="status">
          <CheckCircleIcon />
          <Typography variant="body1">{clean}</Typography>
        </Box>
      ) : (
        <>
          <Typography variant="body2" color="textSecondary" role="status">
            {summary}
          </Typography>
          <FindingList
            items={items.slice(0, Math.max(0, maxItems))}
            label={`Findings of ${service}`}
          />
          {items.length > maxItems && (
            <Typography variant="body2" color="textSecondary">
              … and {items.length - Math.max(0, maxItems)} more
            </Typography>
          )}
        </>
      )}
    </>
  );
}

function FindingList(props: { items: RegistryFindingItem[]; label: string }) {
  const classes = useStyles();
  return (
    <List dense className={classes.list} aria-label={props.label}>
      {props.items.map((finding, index) => (
        <ListItem
          key={`${finding.code}:${finding.file}:${finding.line}:${finding.column}:${index}`}
          disableGutters
          className={classes.item}
        >
          <FindingEntry finding={finding} />
        </ListItem>
      ))}
    </List>
  );
}
