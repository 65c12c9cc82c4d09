import { useRouteRef } from '@backstage/core-plugin-api';
import { createFromTemplateRouteRef } from '../../routes';

/** The entity ref a registry service has in the catalog: `component:default/<id>`. */
export function serviceEntityRef(serviceId: string): string {
  return `component:default/${serviceId}`;
}

/** The link to a template's form for a service (see {@link useTemplateFormLink}). */
export type TemplateFormLink = (
  templateName: string,
  serviceId: string,
) => string;

/**
 * Builds the link to a scaffolder template's form with the `service` field already set to a
 * registry service (`?formData={"service":"component:default/<id>"}`), in namespace `default`.
 * Undefined when the app does not bind the `createFromTemplate` external route.
 */
export function useTemplateFormLink(): TemplateFormLink | undefined {
  const templateRoute = useRouteRef(createFromTemplateRouteRef);
  if (!templateRoute) return undefined;
  return (templateName, serviceId) =>
    `${templateRoute({
      namespace: 'default',
      templateName,
    })}?formData=${encodeURIComponent(
      JSON.stringify({ service: serviceEntityRef(serviceId) }),
    )}`;
}
