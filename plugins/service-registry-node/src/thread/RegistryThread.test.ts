import {
  RegistryFileInput,
  reviewRegistryChange,
  summarizePendingChange,
} from '@service-registry/plugin-service-registry-common';
import { projectAToml, sharedAuthToml } from '@service-registry/test-support';
import { RegistryThread } from './RegistryThread';

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

let thread: RegistryThread;
beforeEach(() => {
  thread = new RegistryThread();
});
afterEach(() => thread.close());

describe('RegistryThread', () => {
  it('summarizes a pending change as summarizePendingChange does', async () => {
    const base = registry(8000, 5);
    const head = registry(9000, 6);
    const summary = await thread.summarizePendingChange(base, head, {
      today: TODAY,
    });
    expect(summary).toEqual(
      summarizePendingChange(base, head, { today: TODAY }),
    );
    // the port change is breaking for the consumers of shared-auth
    expect(summary.breakingChanges.length).toBeGreaterThan(0);
    // and the thread answers again, for another change
    const again = await thread.summarizePendingChange(head, base, {
      today: TODAY,
    });
    expect(again).toEqual(summarizePendingChange(head, base, { today: TODAY }));
  });

  it('reviews a change as reviewRegistryChange does, with the catalog findings asked for', async () => {
    const base = registry(8000, 2);
    // a project named like the catalog's System of global services is an error the change brings
    const head = [
      ...registry(9000, 3),
      {
        path: 'projects/shared/services.toml',
        text: '[project]\nname = "Shared"\n',
      },
    ];
    const options = { today: TODAY, catalog: { sharedSystem: 'shared' } };
    const review = await thread.reviewRegistryChange(base, head, options);
    expect(review).toEqual(reviewRegistryChange(base, head, options));
    expect(review.diff.added).toEqual(['pa-extra-2']);
    expect(review.diff.breakingChanges.map(c => c.kind)).toContain(
      'port-changed',
    );
    expect(review.introduced.map(f => f.code)).toContain(
      'catalog/duplicate-entity',
    );
  });

  it('keeps its thread between calls until it is closed', async () => {
    expect(thread.threadId).toBeUndefined();
    await thread.summarizePendingChange([], registry(8000, 0), {
      today: TODAY,
    });
    const id = thread.threadId;
    expect(id).toBeGreaterThan(0);
    await thread.reviewRegistryChange([], registry(8000, 0));
    expect(thread.threadId).toBe(id);
    await thread.close();
    expect(thread.threadId).toBeUndefined();
  });

  it('with stopWhenIdle, answers calls made together in turn on one thread, then stops it', async () => {
    const idle = new RegistryThread({ stopWhenIdle: true });
    try {
      const base = registry(8000, 100);
      const head = registry(9000, 101);
      const summary = idle.summarizePendingChange(base, head, {
        today: TODAY,
      });
      const id = idle.threadId;
      expect(id).toBeGreaterThan(0);
      const review = idle.reviewRegistryChange(base, head, { today: TODAY });
      expect(idle.threadId).toBe(id);
      expect((await summary).added).toEqual(['pa-extra-100']);
      expect((await review).diff.added).toEqual(['pa-extra-100']);
      // answered every call: the thread, and the registries it loaded, are gone
      expect(idle.threadId).toBeUndefined();
      // and the next call starts another
      const again = idle.reviewRegistryChange([], head);
      expect(idle.threadId).toBeGreaterThan(id!);
      expect((await again).diff.added).toContain('pa-extra-100');
      expect(idle.threadId).toBeUndefined();
    } finally {
      await idle.close();
    }
  });

  it('leaves the event loop free while it summarizes', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    try {
      await thread.summarizePendingChange(
        registry(8000, 300),
        registry(9000, 300),
        {
          today: TODAY,
        },
      );
    } finally {
      clearInterval(timer);
    }
    // computed on this thread, no timer could have fired before the summary was there
    expect(turns).toBeGreaterThan(0);
  });

  it('rejects a summary that fails, and keeps answering', async () => {
    await expect(
      thread.summarizePendingChange(
        null as unknown as RegistryFileInput[],
        [],
        {
          today: TODAY,
        },
      ),
    ).rejects.toMatchObject({
      // the thread's error as it was: its name apart, and the place it was thrown at
      name: 'TypeError',
      message: expect.not.stringMatching(/TypeError|\n\s+at /),
      stack: expect.stringMatching(/summarizePendingChange/),
    });
    const summary = await thread.summarizePendingChange([], registry(8000, 0), {
      today: TODAY,
    });
    expect(summary.added).toContain('shared-auth');
  });

  it('rejects what it was asked when the thread runs out of memory, and starts a new one for the next summary', async () => {
    // room for a small registry (and, here, for the thread's TypeScript transform), not for two
    // of 30,000 services
    const small = new RegistryThread({
      resourceLimits: {
        maxOldGenerationSizeMb: 96,
        maxYoungGenerationSizeMb: 4,
      },
    });
    try {
      await expect(
        small.summarizePendingChange(
          registry(8000, 30_000),
          registry(9000, 30_000),
          {
            today: TODAY,
          },
        ),
      ).rejects.toThrow(/memory/i);
      const summary = await small.summarizePendingChange(
        [],
        registry(8000, 0),
        {
          today: TODAY,
        },
      );
      expect(summary.added).toContain('shared-auth');
    } finally {
      await small.close();
    }
  });

  it('rejects what it was asked when it is closed', async () => {
    const running = thread.summarizePendingChange(
      registry(8000, 50),
      registry(9000, 50),
      {
        today: TODAY,
      },
    );
    const outcome = running.then(
      () => 'summarized',
      (error: Error) => error.message,
    );
    await thread.close();
    expect(await outcome).toBe(
      'The registry thread was closed before it answered',
    );
  });
});
