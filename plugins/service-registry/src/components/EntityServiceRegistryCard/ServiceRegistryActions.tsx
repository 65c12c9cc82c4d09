import { LinkButton } from '@backstage/core-components';
import { ServiceStatus } from '../../api/types';
import { isEndOfLife } from './ServiceStatusChip';
import { TemplateFormLink } from './templateFormLink';

/**
 * "Change this service" and "Deprecate": links to the scaffolder templates' forms with the
 * service already selected (see `useTemplateFormLink`); no "Deprecate" for a service that is
 * already deprecated or retired.
 */
export function ServiceRegistryActions(props: {
  /** The entity ref of the service's Component (the card's entity). */
  serviceRef: string;
  status?: ServiceStatus;
  changeTemplate: string;
  deprecateTemplate: string;
  templateFormLink: TemplateFormLink;
}) {
  const {
    serviceRef,
    status,
    changeTemplate,
    deprecateTemplate,
    templateFormLink,
  } = props;
  return (
    <>
      <LinkButton
        to={templateFormLink(changeTemplate, serviceRef)}
        variant="outlined"
        color="primary"
        size="small"
      >
        Change this service
      </LinkButton>
      {!isEndOfLife(status) && (
        <LinkButton
          to={templateFormLink(deprecateTemplate, serviceRef)}
          variant="outlined"
          size="small"
        >
          Deprecate
        </LinkButton>
      )}
    </>
  );
}
