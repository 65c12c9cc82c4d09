import { keyPosition } from '../load/filePositions';
import { LoadedRegistry, RegistryService } from '../model/types';
import { allowedDowntimePer30Days } from './allowedDowntime';
import { EffectiveSlaValue, effectiveSlaValue } from './effectiveSla';
import { slaTargetByKey } from './targets';

/**
 * Where an OpenSLO indicator reads its data. The registry knows the targets, not the metrics:
 * the query is a placeholder (`TODO: …`) the owner replaces with the real one for Sloth, Pyrra,
 * Nobl9 or whichever tool reads the document.
 *
 * @public
 */
export interface OpenSloMetricSource {
  /** The metric source. */
  metricSource: {
    /** The data source type, e.g. `Prometheus`. */
    type: string;
    /** Source-specific settings; here only the query to fill in. */
    spec: { query: string };
  };
}

/**
 * One objective of an OpenSLO SLO.
 *
 * @public
 */
export interface OpenSloObjective {
  /** For people. */
  displayName: string;
  /** For threshold (latency) objectives: the comparison of the indicator's value with `value`. */
  op?: 'lte';
  /** For threshold objectives: the threshold, in milliseconds. */
  value?: number;
  /** Share of good events, as a ratio (99.9% is 0.999). */
  target: number;
}

/**
 * An OpenSLO v1 `SLO` document (https://github.com/OpenSLO/OpenSLO), with its SLI inline.
 *
 * @public
 */
export interface OpenSloDocument {
  /** Always `openslo/v1`. */
  apiVersion: 'openslo/v1';
  /** Always `SLO`. */
  kind: 'SLO';
  /** Name (DNS-1123 label: lowercase letters, digits and `-`, at most 63), display name and labels. */
  metadata: {
    name: string;
    displayName: string;
    labels?: Record<string, string>;
  };
  /** The objective. */
  spec: {
    /** What the SLO promises and where the targets come from. */
    description: string;
    /** The registry service id. */
    service: string;
    /** The service level indicator, inline. */
    indicator: {
      metadata: { name: string; displayName: string };
      spec: {
        ratioMetric?: {
          counter: boolean;
          good: OpenSloMetricSource;
          total: OpenSloMetricSource;
        };
        thresholdMetric?: OpenSloMetricSource;
      };
    };
    /** Always a rolling window (30 days unless told otherwise). */
    timeWindow: Array<{ duration: string; isRolling: boolean }>;
    /** Always `Occurrences`. */
    budgetingMethod: 'Occurrences';
    /** The objectives. */
    objectives: OpenSloObjective[];
  };
}

/**
 * Options of {@link toOpenSlo}.
 *
 * @public
 */
export interface ToOpenSloOptions {
  /** Only this service (default: every service that is not retired). */
  service?: string;
  /**
   * Use the `[sla.<tier>]` policy of the service's effective tier for the targets the service
   * does not declare (default false: only declared targets).
   */
  fillFromTierPolicy?: boolean;
  /** The `metricSource.type` of the placeholders (default `Prometheus`). */
  metricSourceType?: string;
  /** Length of the rolling window, OpenSLO duration shorthand (default `30d`). */
  timeWindow?: string;
}

const MAX_NAME = 63;

/** A short, stable hash (FNV-1a, base 36) to keep truncated names unique. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}

/**
 * A DNS-1123 label made of a base and a suffix (`payments-availability`): lowercase letters,
 * digits and `-`, starting and ending with a letter or digit, at most 63 characters (a long base
 * is cut and given a short hash so that names stay distinct).
 *
 * @param base - usually the service id
 * @param suffix - e.g. `availability`
 * @public
 */
export function openSloName(base: string, suffix: string): string {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-+|-+$/g, '');
  const tail = clean(suffix);
  const head = clean(base) || 'service';
  const full = tail ? `${head}-${tail}` : head;
  if (full.length <= MAX_NAME) return full;
  const hash = shortHash(base);
  const room = MAX_NAME - tail.length - hash.length - 2;
  const cut = head.slice(0, Math.max(room, 1)).replace(/-+$/g, '');
  return `${cut}-${hash}-${tail}`.slice(0, MAX_NAME).replace(/-+$/g, '');
}

/** A percentage as a ratio without floating point noise (99.9 gives 0.999). */
const ratio = (percent: number) => Number((percent / 100).toPrecision(12));

const byKey = slaTargetByKey;

function origin(
  service: RegistryService,
  targets: EffectiveSlaValue[],
): string {
  const at = keyPosition(service, 'sla') ?? service.source;
  const where = `${at.file}:${at.line}`;
  const fromPolicy = targets.some(t => t.fromPolicy);
  const tier = service.effectiveTier;
  return fromPolicy
    ? `Targets from the service registry ([service.${service.id}] in ${where}, completed by the ${tier} tier SLA policy).`
    : `Targets from the service registry ([service.${service.id}.sla], ${where}).`;
}

function labelsOf(
  service: RegistryService,
): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  if (service.effectiveTier) labels.tier = service.effectiveTier;
  if (service.project) labels.project = service.project;
  if (service.effectiveOwner) {
    labels.owner = service.effectiveOwner.trim().replace(/^@/, '');
  }
  return Object.keys(labels).length > 0 ? labels : undefined;
}

function documentsOf(
  service: RegistryService,
  registry: LoadedRegistry,
  options: ToOpenSloOptions,
): OpenSloDocument[] {
  const policy =
    options.fillFromTierPolicy && service.effectiveTier
      ? registry.policies.sla[service.effectiveTier]
      : undefined;
  const source = (query: string): OpenSloMetricSource => ({
    metricSource: {
      type: options.metricSourceType ?? 'Prometheus',
      spec: { query },
    },
  });
  const duration = options.timeWindow ?? '30d';
  const days = /^(\d+)d$/.exec(duration);
  const window = days ? `${days[1]}-day window` : `window of ${duration}`;
  const labels = labelsOf(service);
  const document = (
    suffix: string,
    title: string,
    description: string,
    indicator: OpenSloDocument['spec']['indicator']['spec'],
    objectives: OpenSloObjective[],
  ): OpenSloDocument => {
    const name = openSloName(service.id, suffix);
    return {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name,
        displayName: `${service.name} ${title}`,
        ...(labels ? { labels } : {}),
      },
      spec: {
        description,
        service: service.id,
        indicator: {
          metadata: { name, displayName: `${service.name} ${title}` },
          spec: indicator,
        },
        timeWindow: [{ duration, isRolling: true }],
        budgetingMethod: 'Occurrences',
        objectives,
      },
    };
  };

  const documents: OpenSloDocument[] = [];
  const availability = effectiveSlaValue(
    byKey('availability'),
    service.sla,
    policy,
  );
  if (availability) {
    const downtime = allowedDowntimePer30Days(availability.value);
    documents.push(
      document(
        'availability',
        'availability',
        `${availability.text} of requests to ${
          service.id
        } succeed over a rolling ${window} (${
          downtime.text
        } of downtime per 30 days). ${origin(service, [availability])}`,
        {
          ratioMetric: {
            counter: true,
            good: source(
              `TODO: successful requests of ${service.id} (e.g. responses that are not 5xx)`,
            ),
            total: source(`TODO: all requests of ${service.id}`),
          },
        },
        [
          {
            displayName: `Availability ${availability.text}`,
            target: ratio(availability.value),
          },
        ],
      ),
    );
  }

  const percentiles = (
    [
      ['response_time_p50', 50],
      ['response_time_p95', 95],
      ['response_time_p99', 99],
    ] as const
  ).flatMap(([key, percentile]) => {
    const found = effectiveSlaValue(byKey(key), service.sla, policy);
    return found ? [{ percentile, ...found }] : [];
  });
  if (percentiles.length > 0) {
    documents.push(
      document(
        'latency',
        'latency',
        `Response time of ${service.id}: ${percentiles
          .map(p => `p${p.percentile} at most ${p.text}`)
          .join(', ')}, over a rolling ${window}. ${origin(
          service,
          percentiles,
        )}`,
        {
          thresholdMetric: source(
            `TODO: response time of ${service.id} in milliseconds, per request`,
          ),
        },
        percentiles.map(p => ({
          displayName: `p${p.percentile} response time at most ${p.text}`,
          op: 'lte',
          value: p.value,
          target: ratio(p.percentile),
        })),
      ),
    );
  }

  const errorRate = effectiveSlaValue(byKey('error_rate'), service.sla, policy);
  if (errorRate) {
    documents.push(
      document(
        'error-rate',
        'error rate',
        `At most ${errorRate.text} of requests to ${
          service.id
        } fail, over a rolling ${window}. ${origin(service, [errorRate])}`,
        {
          ratioMetric: {
            counter: true,
            good: source(
              `TODO: requests of ${service.id} that did not fail (e.g. no error response)`,
            ),
            total: source(`TODO: all requests of ${service.id}`),
          },
        },
        [
          {
            displayName: `Error rate at most ${errorRate.text}`,
            target: ratio(100 - errorRate.value),
          },
        ],
      ),
    );
  }
  return documents;
}

/**
 * OpenSLO v1 `SLO` documents for the service levels the registry declares: per service that is
 * not retired, `<id>-availability` (ratio indicator, target 99.9% → 0.999), `<id>-latency`
 * (threshold indicator with one `op: lte` objective in milliseconds per declared percentile:
 * p50 → target 0.5, p95 → 0.95, p99 → 0.99) and `<id>-error-rate` (ratio indicator, target
 * 1 − error rate), each over a rolling 30-day window with `budgetingMethod: Occurrences`. The
 * indicators' queries are placeholders to fill in. Services are taken by id, so the output is
 * deterministic; a service declaring none of these targets gives no document.
 *
 * @param registry - the loaded registry
 * @param options - which service, policy defaults, metric source type, window
 * @public
 */
export function toOpenSlo(
  registry: LoadedRegistry,
  options: ToOpenSloOptions = {},
): OpenSloDocument[] {
  const ids =
    options.service === undefined
      ? [...registry.services.keys()].sort()
      : [options.service];
  return ids.flatMap(id => {
    const service = registry.services.get(id);
    if (!service || service.status === 'retired') return [];
    return documentsOf(service, registry, options);
  });
}
