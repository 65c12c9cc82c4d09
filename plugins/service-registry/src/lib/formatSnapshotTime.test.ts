import { formatSnapshotTime } from './formatSnapshotTime';

describe('formatSnapshotTime', () => {
  it('writes the time in UTC to the minute, and says so', () => {
    expect(formatSnapshotTime('2026-12-01T03:18:45.000Z')).toBe(
      '2026-12-01 03:18 UTC',
    );
  });

  it('converts a time given with an offset to UTC', () => {
    expect(formatSnapshotTime('2026-11-30T23:05:00-05:00')).toBe(
      '2026-12-01 04:05 UTC',
    );
  });

  it('shows a value that is not a time as it is', () => {
    expect(formatSnapshotTime('yesterday')).toBe('yesterday');
  });
});
