import { ConfigReader } from '@backstage/config';
import { readTaskSchedule } from './readTaskSchedule';

const fallback = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
};

describe('readTaskSchedule', () => {
  it('gives the fallback when the key is not set', () => {
    expect(readTaskSchedule(new ConfigReader({}), 'a.schedule', fallback)).toBe(
      fallback,
    );
  });

  it('reads a schedule as Backstage writes it', () => {
    const config = new ConfigReader({
      a: { schedule: { frequency: 'PT10M', timeout: { minutes: 1 } } },
    });
    expect(readTaskSchedule(config, 'a.schedule', fallback)).toEqual({
      frequency: { minutes: 10 },
      timeout: { minutes: 1 },
    });
  });

  it('names the full key of a bad schedule and says what one looks like', () => {
    const config = new ConfigReader({
      serviceRegistry: {
        notifications: { schedule: { frequency: 'P1X', timeout: 'PT1M' } },
      },
    });
    expect(() =>
      readTaskSchedule(
        config,
        'serviceRegistry.notifications.schedule',
        fallback,
      ),
    ).toThrow(
      /^serviceRegistry\.notifications\.schedule is not a valid schedule \(it needs a frequency and a timeout, e\.g\. \{ frequency: \{ minutes: 5 \}, timeout: \{ minutes: 3 \} \}\): .*'P1X'/,
    );
  });

  it('names the full key of a schedule read from a nested config', () => {
    const root = new ConfigReader({
      catalog: {
        providers: { serviceRegistry: { schedule: { frequency: 'bogus' } } },
      },
    });
    expect(() =>
      readTaskSchedule(
        root.getConfig('catalog.providers.serviceRegistry'),
        'schedule',
        fallback,
        { at: 'catalog.providers.serviceRegistry' },
      ),
    ).toThrow(
      /^catalog\.providers\.serviceRegistry\.schedule is not a valid schedule/,
    );
  });

  it('refuses a frequency or timeout that is not above zero, and takes cron and ISO durations', () => {
    const at = (schedule: object) => () =>
      readTaskSchedule(new ConfigReader({ s: schedule }), 's', fallback, {
        at: 'x',
      });
    expect(at({ frequency: { minutes: -5 }, timeout: { minutes: 1 } })).toThrow(
      'x.s.frequency must be a duration above zero, e.g. { minutes: 5 }, got {"minutes":-5}',
    );
    expect(at({ frequency: { minutes: 5 }, timeout: { minutes: 0 } })).toThrow(
      /^x\.s\.timeout must be a duration above zero/,
    );
    expect(
      at({ frequency: { cron: '*/5 * * * *' }, timeout: 'PT1M' }),
    ).not.toThrow();
    expect(at({ frequency: 'PT5M', timeout: { seconds: 30 } })).not.toThrow();
  });

  it("refuses scope 'local', which would run the task on every backend instance at once", () => {
    const config = new ConfigReader({
      catalog: {
        providers: {
          serviceRegistry: {
            schedule: {
              frequency: { minutes: 5 },
              timeout: { minutes: 3 },
              scope: 'local',
            },
          },
        },
      },
    });
    expect(() =>
      readTaskSchedule(
        config.getConfig('catalog.providers.serviceRegistry'),
        'schedule',
        fallback,
        { at: 'catalog.providers.serviceRegistry' },
      ),
    ).toThrow(
      /^catalog\.providers\.serviceRegistry\.schedule\.scope: 'local' would run .* on every backend instance/,
    );
    // global, the default, is taken as written
    const global = new ConfigReader({
      a: {
        schedule: {
          frequency: { minutes: 5 },
          timeout: { minutes: 3 },
          scope: 'global',
        },
      },
    });
    expect(readTaskSchedule(global, 'a.schedule', fallback).scope).toBe(
      'global',
    );
  });
});
