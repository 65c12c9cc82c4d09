/**
 * Deterministic synthetic registries for the benchmarks: `projects` projects of `perProject`
 * services each, plus `globals` global services, about two dependency edges per service.
 */
export interface GeneratedRegistryOptions {
  projects: number;
  perProject: number;
  globals: number;
  seed?: number;
}

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const STATUSES = ['ga', 'ga', 'ga', 'ga', 'beta', 'maintenance', 'development'];
const TIERS = ['critical', 'high', 'medium', 'low'];
const TYPES = ['microservice', 'api', 'worker', 'web', 'job'];

/** The files of a synthetic registry, by path relative to its root. */
export function generateRegistry(
  options: GeneratedRegistryOptions,
): Map<string, string> {
  const random = prng(options.seed ?? 42);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const files = new Map<string, string>();

  const globals: string[] = [];
  const global: string[] = [];
  for (let g = 0; g < options.globals; g++) {
    const id = `global-${g}`;
    globals.push(id);
    global.push(
      `[service.${id}]`,
      `name = "Global service ${g}"`,
      `type = "${pick(TYPES)}"`,
      `owner = "@platform-team-${g % 5}"`,
      `version = "${1 + (g % 3)}.${g % 10}.0"`,
      `status = "ga"`,
      `tier = "${pick(TIERS)}"`,
      `port = ${8000 + g}`,
      '',
    );
    if (g > 0) {
      global.push(
        `[service.${id}.dependencies]`,
        `requires = ["global-${g - 1}"]`,
        '',
      );
    }
  }
  files.set('services/catalog.toml', global.join('\n'));

  for (let p = 0; p < options.projects; p++) {
    const lines = [
      '[project]',
      `name = "Project ${p}"`,
      `tier = "${pick(TIERS)}"`,
      `owner = "team-${p}"`,
      '',
    ];
    for (let s = 0; s < options.perProject; s++) {
      const id = `p${p}-svc-${s}`;
      const requires = [
        `"${pick(globals)}@^${1 + Math.floor(random() * 3)}.0"`,
      ];
      if (s > 0) requires.push(`"p${p}-svc-${Math.floor(random() * s)}"`);
      lines.push(
        `[service.${id}]`,
        `name = "Service ${s} of project ${p}"`,
        `description = "Synthetic service ${id}"`,
        `type = "${pick(TYPES)}"`,
        `version = "${1 + (s % 4)}.${s % 7}.${s % 3}"`,
        `status = "${pick(STATUSES)}"`,
        `port = ${10000 + s}`,
        `tags = ["p${p}", "synthetic"]`,
        '',
        `[service.${id}.dependencies]`,
        `requires = [${requires.join(', ')}]`,
        '',
        `[service.${id}.sla]`,
        'availability = "99.9%"',
        'response_time_p99 = "200ms"',
        '',
      );
    }
    files.set(`projects/project-${p}/services.toml`, lines.join('\n'));
  }
  return files;
}
