import { AllowedDowntime } from './types';

const WINDOW_SECONDS = 30 * 24 * 3600;

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

function describe(seconds: number): string {
  if (seconds < 60) return `${round(seconds, 1)} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${round(minutes, 1)} min`;
  const wholeMinutes = Math.round(minutes);
  const hours = Math.floor(wholeMinutes / 60);
  const rest = wholeMinutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * The downtime an availability target allows over a 30-day window: 99.9% allows 43.2 minutes,
 * 99.99% 4.32 minutes (259.2 s), 99% 7 hours 12 minutes.
 *
 * @param availability - the availability in percent, 0 to 100
 * @throws RangeError when the availability is not a number between 0 and 100
 * @public
 */
export function allowedDowntimePer30Days(
  availability: number,
): AllowedDowntime {
  if (
    !Number.isFinite(availability) ||
    availability < 0 ||
    availability > 100
  ) {
    throw new RangeError(
      `availability must be a percentage between 0 and 100, got ${availability}`,
    );
  }
  // Rounded to the millisecond, so that 99.9% gives 2592 s and not 2592.0000000000023.
  const seconds = round(((100 - availability) / 100) * WINDOW_SECONDS, 3);
  return {
    availability,
    seconds,
    minutes: round(seconds / 60, 3),
    text: describe(seconds),
  };
}
