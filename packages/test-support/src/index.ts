/**
 * Test helpers shared by the portal's packages.
 *
 * @packageDocumentation
 */
export { createTestDatabases } from './testDatabases';
export { eventually } from './eventually';
export type { EventuallyOptions } from './eventually';
export { routerRoutes } from './routerRoutes';
export type { RouterWithStack } from './routerRoutes';
