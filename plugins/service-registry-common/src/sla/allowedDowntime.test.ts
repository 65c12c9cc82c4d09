import { allowedDowntimePer30Days } from './allowedDowntime';

describe('allowedDowntimePer30Days', () => {
  it('gives the downtime of the usual targets over 30 days', () => {
    expect(allowedDowntimePer30Days(99.9)).toEqual({
      availability: 99.9,
      seconds: 2592,
      minutes: 43.2,
      text: '43.2 min',
    });
    expect(allowedDowntimePer30Days(99.99)).toMatchObject({
      seconds: 259.2,
      minutes: 4.32,
      text: '4.3 min',
    });
    expect(allowedDowntimePer30Days(99.999)).toMatchObject({
      seconds: 25.92,
      text: '25.9 s',
    });
    expect(allowedDowntimePer30Days(99)).toMatchObject({
      minutes: 432,
      text: '7 h 12 min',
    });
    expect(allowedDowntimePer30Days(99.5).text).toBe('3 h 36 min');
    expect(allowedDowntimePer30Days(100)).toMatchObject({
      seconds: 0,
      text: '0 s',
    });
    expect(allowedDowntimePer30Days(0).text).toBe('720 h');
  });

  it('refuses values that are not percentages', () => {
    expect(() => allowedDowntimePer30Days(101)).toThrow(RangeError);
    expect(() => allowedDowntimePer30Days(-1)).toThrow(
      'availability must be a percentage between 0 and 100, got -1',
    );
    expect(() => allowedDowntimePer30Days(NaN)).toThrow(RangeError);
  });
});
