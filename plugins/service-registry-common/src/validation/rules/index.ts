import { ValidationRule } from '../types';
import { availabilityAsFraction } from './availabilityAsFraction';
import { belowCompatMin } from './belowCompatMin';
import { catalogEntityNames } from './catalogEntityNames';
import { compatMinAboveVersion } from './compatMinAboveVersion';
import { consumersMismatch } from './consumersMismatch';
import { criticalWithoutApprovers } from './criticalWithoutApprovers';
import { dependencyCycles } from './dependencyCycles';
import { dependsOnDeprecated } from './dependsOnDeprecated';
import { deprecationDatePassed } from './deprecationDatePassed';
import { deprecationDeclaration } from './deprecationDeclaration';
import { gaDependsOnDevelopment } from './gaDependsOnDevelopment';
import { maintenanceSupportWindow } from './maintenanceSupportWindow';
import { imageRegistries } from './imageRegistries';
import { missingDependencies } from './missingDependencies';
import { replacementService } from './replacementService';
import { secretValues } from './secretValues';
import { nestingDepth } from './nestingDepth';
import { slaBelowTier } from './slaBelowTier';
import { sunsetBeforeDeprecation } from './sunsetBeforeDeprecation';
import { sunsetPassedWithConsumers } from './sunsetPassedWithConsumers';
import { supportAfterSunset } from './supportAfterSunset';
import { versionRanges } from './versionRanges';
import { wholeNumbers } from './wholeNumbers';
import { betaWithoutChangelog } from './betaWithoutChangelog';
import { developmentInProduction } from './developmentInProduction';
import { overrideOfRetired } from './overrideOfRetired';
import { shortMigrationWindow } from './shortMigrationWindow';
import { versionNotForStatus } from './versionNotForStatus';
import { slaWeakerDependency } from './slaWeakerDependency';
import { monitoringLooserThanSla } from './monitoringLooserThanSla';

/**
 * Every validation rule {@link validateRegistry} runs, by name.
 *
 * @public
 */
export const VALIDATION_RULES: Readonly<Record<string, ValidationRule>> = {
  missingDependencies,
  dependencyCycles,
  versionRanges,
  belowCompatMin,
  compatMinAboveVersion,
  deprecationDeclaration,
  deprecationDatePassed,
  replacementService,
  dependsOnDeprecated,
  sunsetPassedWithConsumers,
  gaDependsOnDevelopment,
  sunsetBeforeDeprecation,
  supportAfterSunset,
  maintenanceSupportWindow,
  shortMigrationWindow,
  versionNotForStatus,
  betaWithoutChangelog,
  developmentInProduction,
  overrideOfRetired,
  slaBelowTier,
  slaWeakerDependency,
  monitoringLooserThanSla,
  availabilityAsFraction,
  criticalWithoutApprovers,
  consumersMismatch,
  secretValues,
  nestingDepth,
  imageRegistries,
  wholeNumbers,
  catalogEntityNames,
};
