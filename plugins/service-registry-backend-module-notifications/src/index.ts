/**
 * Consumer notifications for the TOML service registry: the owners of the services that depend
 * on a registry service hear, through Backstage notifications, when it is deprecated, nears or
 * passes its sunset, is retired, or changes in a breaking way.
 *
 * @packageDocumentation
 */
export { serviceRegistryModuleNotifications as default } from './module';
export { serviceRegistryModuleNotifications } from './module';
export { createConsumerNotifier } from './service/createConsumerNotifier';
export type { CreateConsumerNotifierOptions } from './service/createConsumerNotifier';
export {
  ConsumerNotifier,
  NOTIFICATION_TOPIC,
} from './service/ConsumerNotifier';
export type {
  ConsumerNotifierOptions,
  ConsumerNotifierRun,
  ReminderResult,
} from './service/ConsumerNotifier';
export { createReminderRouter } from './service/createReminderRouter';
export type { ReminderRouterOptions } from './service/createReminderRouter';
export { ConsumerNoticeStore } from './database/ConsumerNoticeStore';
export type {
  NoticeBaseline,
  NoticeDelivery,
  PendingNotice,
} from './database/ConsumerNoticeStore';
export {
  planConsumerNotices,
  planDeprecationNotices,
} from './lib/planConsumerNotices';
export type { PlanConsumerNoticesOptions } from './lib/planConsumerNotices';
export type { ConsumerNotice, ConsumerNoticeKind } from './lib/types';
