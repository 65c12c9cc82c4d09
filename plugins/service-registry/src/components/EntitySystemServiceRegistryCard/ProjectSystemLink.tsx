import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GLOBAL_SERVICES_LABEL } from '../../lib/serviceProjectLabel';

/** The entity ref of a project's System: `system:default/<id>`, the shared System for null. */
export function projectSystemRef(
  project: string | null,
  sharedSystem: string,
): string {
  return `system:default/${project ?? sharedSystem}`;
}

/**
 * A link to the System page of a registry project (its display name), or of the shared System of
 * the global services ("Global services").
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
  return (
    <EntityRefLink entityRef={projectSystemRef(project, sharedSystem)}>
      {project === null ? GLOBAL_SERVICES_LABEL : name ?? project}
    </EntityRefLink>
  );
}
