/**
 * The time a registry snapshot was taken (its `updatedAt`, an ISO 8601 time), as the pages and
 * cards show it: in UTC, the zone the suite counts days in, to the minute and saying so
 * (`2026-12-01 03:18 UTC`), the same for every reader whatever their browser's locale and zone.
 * A value that is not a time is shown as it is.
 *
 * @param updatedAt - an ISO 8601 time, such as `2026-12-01T03:18:45.000Z`
 */
export function formatSnapshotTime(updatedAt: string): string {
  const time = new Date(updatedAt);
  if (Number.isNaN(time.getTime())) return updatedAt;
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
