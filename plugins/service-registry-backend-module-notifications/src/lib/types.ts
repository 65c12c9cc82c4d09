/**
 * What a consumer notice is about.
 *
 * - `deprecation`: a service the consumers depend on is deprecated or retired; the notice is
 *   told again at each stage (announced, sunset near, sunset passed, retired) and when its
 *   sunset date or successor changes.
 * - `breaking-change`: a service the consumers depended on changed in a breaking way.
 *
 * @public
 */
export type ConsumerNoticeKind = 'deprecation' | 'breaking-change';

/**
 * One thing the owner of some consuming services should be told.
 *
 * @public
 */
export interface ConsumerNotice {
  /**
   * Identity of the fact told: the same facts give the same key, so a consumer is told once per
   * key. Several notices share a key when the consumers have several owners.
   */
  key: string;
  /** What it is about. */
  kind: ConsumerNoticeKind;
  /** The service it is about (the deprecated or changed one). */
  service: string;
  /** The owner of the consumers, as the registry writes it (undefined: none declared). */
  owner?: string;
  /** The consuming services told, by id: their catalog owners receive the notice. */
  consumers: string[];
  /** A short title. */
  title: string;
  /** What happened, who depends on it and what to do. */
  description: string;
  /** How urgent it is. */
  severity: 'critical' | 'high' | 'normal' | 'low';
  /** Portal path of the page to look at. */
  link: string;
}

/** A consuming service and its owner. */
export interface NoticeRecipient {
  id: string;
  owner?: string;
}
