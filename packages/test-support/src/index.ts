/**
 * Test helpers shared by the portal's packages.
 *
 * @packageDocumentation
 */
export { createTestDatabases } from './testDatabases';
export type {
  CreateTestDatabasesOptions,
  PortalTestDatabases,
} from './testDatabases';
export { backendsStartingTogether } from './backendsStartingTogether';
export { eventually } from './eventually';
export type { EventuallyOptions } from './eventually';
export {
  openApiOperation,
  openApiRoutes,
  openApiSchemaChecker,
  readOpenApiDocument,
} from './openApiDocument';
export type { OpenApiDocument, OpenApiOperation } from './openApiDocument';
export { routerRoutes } from './routerRoutes';
export type { RouterWithStack } from './routerRoutes';
export { fuzzSettings } from './fuzzSettings';
export { seededRandom } from './seededRandom';
export { seededDraws } from './seededDraws';
export type { SeededDraws } from './seededDraws';
export {
  describeFailure,
  describeFinding,
  declaredServiceIds,
  describeThrow,
  findingProblem,
  INSERTED_CHARACTERS,
  mutateRegistry,
  placeProblem,
  mutationRandom,
  MUTATION_KINDS,
  positionLines,
  readTomlFiles,
  TOML_VALUES,
} from './registryFuzz';
export type { MutationKind, Random, RegistryMutation } from './registryFuzz';
export { registryMutationRuns } from './registryMutationRuns';
export type { RegistryMutationRun } from './registryMutationRuns';
export { recordingConfig } from './recordingConfig';
export { readmeConfigurationYaml } from './readmeConfigurationYaml';
export { createTestGitRepository } from './gitRepository';
export type { TestGitRepository } from './gitRepository';
export { projectAToml, sharedAuthToml } from './registryFixtures';
export { startGitHttpsServer } from './gitHttpsServer';
export type { GitHttpsServer, GitHttpsServerOptions } from './gitHttpsServer';
export { createSelfSignedCertificate } from './selfSignedCertificate';
