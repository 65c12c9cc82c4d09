import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { MigrationWindow, migrationWindowOf } from '../migrationWindow';
import {
  aboutService,
  makeFinding,
  serviceLabel,
  tableHeader,
} from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

function check(
  service: RegistryService,
  window: MigrationWindow,
): readonly RegistryFinding[] {
  if (service.status !== 'deprecated') return NO_FINDINGS;
  const findings: RegistryFinding[] = [];
  const position = declaredPosition(service, 'status');
  if (service.raw.sunset_date === undefined) {
    const { deprecationDate } = service;
    const sunset =
      deprecationDate === undefined
        ? `sunset_date = "YYYY-MM-DD", at the end of ${window.label},`
        : `sunset_date = "${window.end(
            deprecationDate,
          )}" or later, deprecation_date ${deprecationDate} plus ${
            window.label
          },`;
    findings.push(
      makeFinding(
        'warning',
        'lifecycle/deprecated-without-sunset',
        `${serviceLabel(
          service.id,
        )} is deprecated without a sunset_date: add ${sunset} so they know when it goes away.`,
        position,
        aboutService(service),
      ),
    );
  }
  if (service.raw.replacement_service === undefined) {
    findings.push(
      makeFinding(
        'warning',
        'lifecycle/deprecated-without-replacement',
        `${serviceLabel(
          service.id,
        )} is deprecated without a replacement_service: add replacement_service = "<id>" naming its successor (and a ${tableHeader(
          'service',
          service.id,
          'migration',
        )} guide) so consumers know where to migrate.`,
        position,
        aboutService(service),
      ),
    );
  }
  return findings;
}

/**
 * `lifecycle/deprecated-without-sunset` and `lifecycle/deprecated-without-replacement`
 * (warnings): a deprecated service must say when it goes away and what replaces it; for a
 * project's view of an overridden service, when the override causes it. The sunset suggested is
 * the end of the migration window (see `migrationWindowOf`) after its `deprecation_date`.
 *
 * @param ctx - the validation context
 */
export function deprecationDeclaration(
  ctx: ValidationContext,
): RegistryFinding[] {
  const window = migrationWindowOf(ctx.registry.policies);
  return checkServicesAndViews(ctx, service => check(service, window));
}
