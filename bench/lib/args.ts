/** A numeric `--name value` argument of the benchmark's command line. */
export function numberArg(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/** A `--name value` argument of the benchmark's command line. */
export function stringArg(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

/** Whether `--name` is on the benchmark's command line. */
export function flagArg(name: string): boolean {
  return process.argv.slice(2).includes(`--${name}`);
}

/** The size of the synthetic registry: `--projects`, `--per-project`, `--globals`. */
export function registrySizeArgs() {
  return {
    projects: numberArg('projects', 50),
    perProject: numberArg('per-project', 200),
    globals: numberArg('globals', 100),
  };
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
