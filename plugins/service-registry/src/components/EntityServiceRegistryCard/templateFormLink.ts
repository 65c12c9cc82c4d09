import { useRouteRef } from '@backstage/core-plugin-api';
import { createFromTemplateRouteRef } from '../../routes';

/** The link to a template's form for a service (see {@link useTemplateFormLink}). */
export type TemplateFormLink = (
  templateName: string,
  serviceRef: string,
) => string;

/**
 * Builds the link to a scaffolder template's form with the `service` field already set to the
 * entity ref of a registry service's Component (`?formData={"service":"component:default/<name>"}`),
 * as the catalog has it: the ref of the page's entity, which an entity transformer may have
 * renamed or moved (the template, in namespace `default`, picks it as an entity). Undefined when
 * the app does not bind the `createFromTemplate` external route.
 */
export function useTemplateFormLink(): TemplateFormLink | undefined {
  const templateRoute = useRouteRef(createFromTemplateRouteRef);
  if (!templateRoute) return undefined;
  return (templateName, serviceRef) =>
    `${templateRoute({
      namespace: 'default',
      templateName,
    })}?formData=${encodeURIComponent(
      JSON.stringify({ service: serviceRef }),
    )}`;
}
