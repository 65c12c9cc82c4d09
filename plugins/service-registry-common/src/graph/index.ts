export {
  buildDependencyGraph,
  dependencyPosition,
} from './buildDependencyGraph';
export { dependencyGraphOf } from './dependencyGraphOf';
export { anyRetired, isRetired, runningGraphOf } from './runningGraphOf';
export { analyzeCycles, findCycles } from './findCycles';
export type { CycleAnalysis, FindCyclesOptions } from './findCycles';
export { computeImpact } from './computeImpact';
export { computeConsumers } from './computeConsumers';
export type {
  DependencyEdge,
  DependencyGraph,
  DependencyNode,
  ImpactedService,
  ImpactGroup,
  ImpactOptions,
  ImpactReport,
  ServiceConsumers,
} from './types';
