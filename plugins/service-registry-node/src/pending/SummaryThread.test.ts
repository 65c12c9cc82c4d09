import {
  RegistryFileInput,
  summarizePendingChange,
} from '@service-registry/plugin-service-registry-common';
import { projectAToml, sharedAuthToml } from '@service-registry/test-support';
import { SummaryThread } from './SummaryThread';

const TODAY = '2026-12-07';

/** A registry of the two fixture files and `count` more services of project-a depending on auth. */
function registry(port: number, count: number): RegistryFileInput[] {
  const more = Array.from(
    { length: count },
    (_, i) => `
[service.pa-extra-${i}]
version = "1.${i}.0"
owner = "team-a"
requires = ["shared-auth@^1"]
`,
  ).join('');
  return [
    { path: 'services/catalog.toml', text: sharedAuthToml(port) },
    {
      path: 'projects/project-a/services.toml',
      text: projectAToml(more),
    },
  ];
}

let thread: SummaryThread;
beforeEach(() => {
  thread = new SummaryThread();
});
afterEach(() => thread.close());

describe('SummaryThread', () => {
  it('summarizes a pending change as summarizePendingChange does', async () => {
    const base = registry(8000, 5);
    const head = registry(9000, 6);
    const summary = await thread.summarize(base, head, { today: TODAY });
    expect(summary).toEqual(
      summarizePendingChange(base, head, { today: TODAY }),
    );
    // the port change is breaking for the consumers of shared-auth
    expect(summary.breakingChanges.length).toBeGreaterThan(0);
    // and the thread answers again, for another change
    const again = await thread.summarize(head, base, { today: TODAY });
    expect(again).toEqual(summarizePendingChange(head, base, { today: TODAY }));
  });

  it('leaves the event loop free while it summarizes', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    try {
      await thread.summarize(registry(8000, 300), registry(9000, 300), {
        today: TODAY,
      });
    } finally {
      clearInterval(timer);
    }
    // computed on this thread, no timer could have fired before the summary was there
    expect(turns).toBeGreaterThan(0);
  });

  it('rejects a summary that fails, and keeps answering', async () => {
    await expect(
      thread.summarize(null as unknown as RegistryFileInput[], [], {
        today: TODAY,
      }),
    ).rejects.toThrow(/TypeError/);
    const summary = await thread.summarize([], registry(8000, 0), {
      today: TODAY,
    });
    expect(summary.added).toContain('shared-auth');
  });

  it('rejects what it was asked when the thread runs out of memory, and starts a new one for the next summary', async () => {
    // room for a small registry (and, here, for the thread's TypeScript transform), not for two
    // of 30,000 services
    const small = new SummaryThread({
      resourceLimits: {
        maxOldGenerationSizeMb: 96,
        maxYoungGenerationSizeMb: 4,
      },
    });
    try {
      await expect(
        small.summarize(registry(8000, 30_000), registry(9000, 30_000), {
          today: TODAY,
        }),
      ).rejects.toThrow(/memory/i);
      const summary = await small.summarize([], registry(8000, 0), {
        today: TODAY,
      });
      expect(summary.added).toContain('shared-auth');
    } finally {
      await small.close();
    }
  });

  it('rejects what it was asked when it is closed', async () => {
    const running = thread.summarize(registry(8000, 50), registry(9000, 50), {
      today: TODAY,
    });
    const outcome = running.then(
      () => 'summarized',
      (error: Error) => error.message,
    );
    await thread.close();
    expect(await outcome).toBe('The pending changes were no longer summarized');
  });
});
