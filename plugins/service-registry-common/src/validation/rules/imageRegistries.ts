import { describeValue } from '../../load/describeValue';
import {
  PolicyStringList,
  RegistryFinding,
  RegistryService,
} from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import {
  aboutService,
  listIds,
  makeFinding,
  quoted,
  serviceLabel,
} from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

/** A registry as compared: without surrounding spaces nor trailing `/` (`ghcr.io/example-org`). */
function registryName(entry: string): string {
  return entry.trim().replace(/\/+$/, '');
}

/** True when `image` is `registry` itself or a path below it (`ghcr.io/example-org/api:1.0`). */
function isFrom(image: string, registry: string): boolean {
  return image === registry || image.startsWith(`${registry}/`);
}

function check(
  service: RegistryService,
  allowed: PolicyStringList,
  registries: readonly string[],
): readonly RegistryFinding[] {
  if (service.status === 'retired') return NO_FINDINGS;
  const image = service.metadata.image;
  if (image === undefined) return NO_FINDINGS;
  if (
    typeof image === 'string' &&
    registries.some(registry => isFrom(image, registry))
  ) {
    return NO_FINDINGS;
  }
  const policy = `${allowed.source.file} [security] allowed_registries`;
  const subject = `${serviceLabel(service.id)}: metadata.image`;
  let message: string;
  if (typeof image !== 'string') {
    message = `${subject} must be an image reference in quotes (e.g. ${quoted(
      `${registries[0] ?? 'ghcr.io/example-org'}/${service.id}:1.0.0`,
    )}) for [security] allowed_registries to be checked, got ${describeValue(
      image,
      'image',
    )}. Write the image as one string (${policy} allows ${
      registries.length > 0 ? listIds(registries) : 'no registry'
    }).`;
  } else if (registries.length === 0) {
    message = `${subject} ${describeValue(
      image,
      'image',
    )} is not from a registry that ${policy} allows: it lists none. Add the image's registry to allowed_registries, or remove metadata.image.`;
  } else {
    message = `${subject} ${describeValue(
      image,
      'image',
    )} is not from a registry that ${policy} allows: ${listIds(
      registries,
    )}. Publish the image to one of them and point metadata.image at it, or add its registry to allowed_registries.`;
  }
  return [
    makeFinding(
      'error',
      'security/image-registry-not-allowed',
      message,
      declaredPosition(service, 'metadata.image', 'metadata'),
      aboutService(service),
    ),
  ];
}

/**
 * `security/image-registry-not-allowed` (error): a service whose `metadata.image` is not from one
 * of the policies' `[security] allowed_registries` (the image is a registry itself, or starts
 * with one followed by `/`; compared as written, so `nginx:1.27` is not from `docker.io`), or is
 * not a string and cannot be checked; at `metadata.image`. Services are checked as each project
 * sees them (a project's override that changes the image is reported at the override). Services
 * without `metadata.image`, retired services, and registries without `allowed_registries` are not
 * checked.
 *
 * @param ctx - the validation context
 */
export function imageRegistries(ctx: ValidationContext): RegistryFinding[] {
  const allowed = ctx.registry.policies.securityPolicy?.allowedRegistries;
  if (!allowed) return [];
  const registries = allowed.entries
    .map(entry => registryName(entry.value))
    .filter(name => name !== '');
  return checkServicesAndViews(ctx, service =>
    check(service, allowed, registries),
  );
}
