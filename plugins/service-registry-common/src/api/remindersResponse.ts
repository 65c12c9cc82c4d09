/**
 * A reminder sent by hand to the owners of a deprecated service's consumers.
 *
 * @public
 */
export interface ReminderRecord {
  /** ISO time it was sent. */
  at: string;
  /** Entity ref of the user who sent it. */
  by: string;
}

/**
 * Answer of `GET /api/service-registry/deprecations/:service/reminders` (served by the
 * notifications backend module).
 *
 * @public
 */
export interface ReminderStatusResponse {
  /** The registry. */
  registry: string;
  /** The deprecated service. */
  service: string;
  /** The last reminder, null when none was sent. */
  last: ReminderRecord | null;
  /** Whether a reminder can be sent now (one a day; someone must depend on the service). */
  canRemind: boolean;
}

/**
 * Answer of `POST /api/service-registry/deprecations/:service/reminders`.
 *
 * @public
 */
export interface ReminderResponse extends ReminderRecord {
  /** The registry. */
  registry: string;
  /** The deprecated service. */
  service: string;
  /** The owners reminded (as the registry writes them), each with the services named to them. */
  notified: Array<{ owner?: string; consumers: string[] }>;
  /** Consumers not reminded: their catalog entity has no owner to route to yet. */
  deferred: string[];
}
