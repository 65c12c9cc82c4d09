import { TomlDate } from 'smol-toml';
import {
  addDays,
  addMonths,
  daysBetween,
  isIsoDate,
  parseDurationMs,
  parsePercent,
  toIsoDate,
} from './units';

describe('units', () => {
  it('parses durations into milliseconds', () => {
    expect(parseDurationMs('100ms')).toBe(100);
    expect(parseDurationMs('1.5s')).toBe(1500);
    expect(parseDurationMs('5m')).toBe(300_000);
    expect(parseDurationMs('4h')).toBe(14_400_000);
    expect(parseDurationMs('1d')).toBe(86_400_000);
    expect(parseDurationMs('fast')).toBeUndefined();
    expect(parseDurationMs(100)).toBeUndefined();
  });

  it('parses percentages', () => {
    expect(parsePercent('99.9%')).toBe(99.9);
    expect(parsePercent(99.95)).toBe(99.95);
    expect(parsePercent('101%')).toBeUndefined();
    expect(parsePercent('99.9')).toBeUndefined();
  });

  it('normalises dates', () => {
    expect(toIsoDate('2026-06-30')).toBe('2026-06-30');
    expect(toIsoDate(TomlDate.wrapAsLocalDate(new Date('2026-06-30')))).toBe(
      '2026-06-30',
    );
    expect(toIsoDate(new TomlDate('2026-06-30T10:00:00Z'))).toBeUndefined();
    expect(toIsoDate('2026-02-29')).toBeUndefined();
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(daysBetween('2026-11-22', '2026-12-10')).toBe(18);
    expect(daysBetween('2026-11-22', '2026-05-20')).toBe(-186);
  });
});

describe('addDays and addMonths', () => {
  it('moves a date by whole days, across months and years', () => {
    expect(addDays('2026-11-22', 18)).toBe('2026-12-10');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('moves a date by calendar months, to the last day of a shorter month', () => {
    expect(addMonths('2025-11-20', 6)).toBe('2026-05-20');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });
});
