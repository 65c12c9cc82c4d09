export { DeprecationTimeline } from './DeprecationTimeline';
export type { DeprecationTimelineProps } from './DeprecationTimeline';
