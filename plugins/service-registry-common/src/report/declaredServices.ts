/** At most this many services of a file are named; the others are counted. */
const MAX_NAMED_SERVICES = 10;

/**
 * The services of a file as the subject of a sentence about them (`its services shop-api,
 * shop-web are`, `its service shop-api is`, `its 12 services a, … and 2 more are`), or `none`
 * when there are none.
 *
 * @param services - the services, sorted
 * @param format - how each id is written
 * @param none - the subject when the list is empty (`it is`)
 */
export function declaredServicesSubject(
  services: readonly string[],
  format: (text: string) => string,
  none: string,
): string {
  const named = services.slice(0, MAX_NAMED_SERVICES).map(format).join(', ');
  if (services.length > MAX_NAMED_SERVICES) {
    return `its ${services.length} services ${named} and ${
      services.length - MAX_NAMED_SERVICES
    } more are`;
  }
  if (services.length > 1) return `its services ${named} are`;
  if (services.length === 1) return `its service ${named} is`;
  return none;
}
