import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GLOBAL_SERVICES_LABEL } from '../../lib/serviceProjectLabel';
import { useProjectSystemRef, useSharedSystemRef } from '../ServiceEntityRefs';

/**
 * A link to the System page of a registry project (its display name), or of the shared System of
 * the global services ("Global services"). Each is the System the catalog has for it inside a
 * `ServiceEntityRefsProvider` (an entity transformer may have renamed it or moved it to another
 * namespace), else `system:default/<id>` for a project, and `system:default/<name>` with its
 * configured name for the shared System.
 */
export function ProjectSystemLink(props: {
  /** The project id; null for the global services. */
  project: string | null;
  /** The project's display name. */
  name?: string;
  /** The name of the System of the global services. */
  sharedSystem: string;
}) {
  const { project, name, sharedSystem } = props;
  const projectRef = useProjectSystemRef();
  const sharedRef = useSharedSystemRef();
  return (
    <EntityRefLink
      entityRef={
        project === null ? sharedRef(sharedSystem) : projectRef(project)
      }
    >
      {project === null ? GLOBAL_SERVICES_LABEL : name ?? project}
    </EntityRefLink>
  );
}
