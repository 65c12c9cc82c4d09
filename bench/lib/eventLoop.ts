import { setTimeout as sleep } from 'node:timers/promises';
import { median } from './args';

/** How long something took, and the longest the event loop was held meanwhile. */
export interface EventLoopMeasure {
  /** Until it was done, in ms. */
  total: number;
  /** The longest the event loop was held meanwhile (the longest gap between two turns of a 5 ms interval timer), in ms. */
  held: number;
}

/** Runs `work` and times it, with the longest the event loop was held while it ran. */
export async function measureEventLoop(
  work: () => Promise<unknown>,
): Promise<EventLoopMeasure> {
  const start = performance.now();
  let last = start;
  let held = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
  }, 5);
  try {
    await work();
    const total = performance.now() - start;
    // the timer's turn after work that held the loop to its end
    await sleep(20);
    return { total, held };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Prints the medians of measured rounds, each also as a ratio to the first row's (the baseline).
 *
 * @param until - what the time is until ("summarized", "validated")
 * @param rows - each row's label and rounds; the first is the baseline
 */
export function printEventLoopTable(
  until: string,
  rows: [label: string, measures: EventLoopMeasure[]][],
): void {
  const medians = rows.map(([label, measures]) => ({
    label,
    total: median(measures.map(m => m.total)),
    held: median(measures.map(m => m.held)),
  }));
  const [baseline] = medians;
  console.log(
    `median of ${rows[0][1].length} rounds (ratio to the baseline):${' '.repeat(
      9,
    )}${`until ${until}`.padEnd(24)}longest event-loop hold`,
  );
  for (const { label, total, held } of medians) {
    console.log(
      `${label.padEnd(44)} ${total.toFixed(0).padStart(6)} ms ${(
        total / baseline.total
      )
        .toFixed(2)
        .padStart(6)}x   ${held.toFixed(0).padStart(6)} ms ${(
        held / baseline.held
      )
        .toFixed(3)
        .padStart(7)}x`,
    );
  }
}
