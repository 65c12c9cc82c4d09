import { runningGraphOf } from '../graph/runningGraphOf';
import { DependencyGraph } from '../graph/types';
import { DEFAULT_BETA_CHANGE_NOTICE_DAYS } from '../model/breakingChangeNotice';
import { LoadedRegistry, RegistryService, ServiceTier } from '../model/types';
import { alertRoutesOf } from '../monitoring/alertRoutes';
import { effectiveSlaOf, slaPolicyOf } from '../sla/effectiveSla';
import { formatSlaTarget, slaTargetByKey } from '../sla/targets';
import {
  byId,
  cell,
  code,
  compare,
  dependencyList,
  GENERATED,
  healthCheckOf,
  shown,
  table,
  TIERS,
} from './documentText';
import { plural } from './markdownText';

const AVAILABILITY = slaTargetByKey('availability');
const P99 = slaTargetByKey('response_time_p99');
const RTO = slaTargetByKey('rto');
const RPO = slaTargetByKey('rpo');

/**
 * Where a service's critical alerts go and to whom they escalate, by the project whose
 * `monitoring.toml` routes them: `critical: slack#critical-alerts; escalates to @on-call after
 * 5m` (credentials in a route hidden); the project is named unless it is the service's own.
 */
function alertsCell(service: RegistryService): string {
  const routes = alertRoutesOf(service).flatMap(route => {
    const parts = [
      ...(route.critical.length > 0
        ? [`critical: ${route.critical.join(', ')}`]
        : []),
      ...(route.escalateTo.length > 0
        ? [
            `escalates to ${route.escalateTo.join(', ')}${
              route.escalateAfter ? ` after ${route.escalateAfter}` : ''
            }`,
          ]
        : []),
    ];
    return parts.length > 0
      ? [{ project: route.project, text: parts.join('; ') }]
      : [];
  });
  if (routes.length === 0) return '—';
  if (routes.length === 1 && routes[0].project === service.project) {
    return cell(routes[0].text);
  }
  return routes.map(r => cell(`${shown(r.project)}: ${r.text}`)).join('; ');
}

/**
 * The services that require a service (running ones), counted, with their projects (`shared` for
 * the global catalog's): those an outage of it reaches first.
 */
function consumersCell(running: DependencyGraph, id: string): string {
  const consumers = new Set<string>();
  const projects = new Set<string>();
  for (const edge of running.incoming.get(id) ?? []) {
    if (edge.optional || edge.from === id) continue;
    consumers.add(edge.from);
    projects.add(
      shown(
        edge.viaProject ?? running.nodes.get(edge.from)?.project ?? 'shared',
      ),
    );
  }
  if (consumers.size === 0) return 'none';
  return `${consumers.size} (${[...projects]
    .sort(compare)
    .map(p => cell(p))
    .join(', ')})`;
}

function incidentSection(
  registry: LoadedRegistry,
  running: DependencyGraph,
  services: RegistryService[],
): string[] {
  const { policies } = registry;
  const lines = [
    '',
    '## Handling an incident',
    '',
    "1. Find the service below. Its owner is who is called, within its support hours; the recovery time objective (RTO) and recovery point objective (RPO) are what the recovery must meet (its own `sla`, else its tier's policy).",
    '2. Check its health check, then what it requires: the cause may lie there.',
    "3. Tell the owners of its consumers: an outage reaches them first. `service-registry impact <service>` lists everything it reaches, directly and transitively, with each one's owner.",
    "4. Alerts go where the project's `monitoring.toml` routes them.",
  ];
  const tiers = TIERS.filter(t => policies.sla[t] !== undefined);
  if (tiers.length > 0) {
    lines.push(
      '',
      '### Service levels by tier',
      '',
      ...table(
        [
          'Tier',
          'Availability',
          'Response time p99',
          'Support hours',
          'RTO',
          'RPO',
        ],
        tiers.map(tier => {
          const policy = policies.sla[tier]!;
          return [
            tier,
            cell(formatSlaTarget(policy, AVAILABILITY)),
            cell(formatSlaTarget(policy, P99)),
            cell(policy.supportHours),
            cell(formatSlaTarget(policy, RTO)),
            cell(formatSlaTarget(policy, RPO)),
          ];
        }),
      ),
    );
  }
  const groups: Array<[string, RegistryService[]]> = [
    ...TIERS.map((tier): [string, RegistryService[]] => [
      `${tier[0].toUpperCase()}${tier.slice(1)} services`,
      services.filter(s => s.effectiveTier === tier),
    ]),
    ['Services without a tier', services.filter(s => !s.effectiveTier)],
  ];
  for (const [title, members] of groups) {
    if (members.length === 0) continue;
    lines.push(
      '',
      `### ${title}`,
      '',
      ...table(
        [
          'Service',
          'Owner',
          'Support hours',
          'RTO',
          'RPO',
          'Health check',
          'Requires',
          'Required by',
          'Alerts',
        ],
        members.map(s => [
          code(s.id),
          cell(s.effectiveOwner),
          cell(s.sla?.supportHours ?? slaPolicyOf(s, policies)?.supportHours),
          cell(effectiveSlaOf(s, policies, RTO)?.text),
          cell(effectiveSlaOf(s, policies, RPO)?.text),
          code(healthCheckOf(s)),
          dependencyList(s.dependencies.requires),
          consumersCell(running, s.id),
          alertsCell(s),
        ]),
      ),
    );
  }
  return lines;
}

function changeSection(
  registry: LoadedRegistry,
  services: RegistryService[],
): string[] {
  const control = registry.policies.changeControl;
  const lines = [
    '',
    '## Changing a service',
    '',
    "Change the service's table in a pull request. `service-registry validate` checks the registry, and `service-registry diff origin/main` names the breaking changes (a consumed service removed or retired, a changed port, a new major version, `compat_version_min` raised past what consumers ask for, a dependency removed), the projects they reach and the approvals they need.",
    '',
  ];
  if (control) {
    const approvers = (list: string[]) =>
      list.length > 0 ? list.map(a => cell(a)).join(', ') : '—';
    lines.push(
      'Who approves a change (`[change_control]`):',
      '',
      ...table(
        ['Change', 'Approved by'],
        [
          ['Breaking changes', approvers(control.breakingChangesRequire)],
          ['Version bumps', approvers(control.versionBumpsRequire)],
          ['Configuration changes', approvers(control.configChangesRequire)],
        ],
      ),
    );
  } else {
    lines.push(
      "The policies declare no `[change_control]`: a change needs the approval of the service's own approvers, if it names any.",
    );
  }
  const governed = services.filter(
    s =>
      (s.governance?.approvers.length ?? 0) > 0 ||
      s.governance?.breakChangesNotice !== undefined,
  );
  lines.push('');
  if (governed.length === 0) {
    lines.push('No service names its own approvers.');
  } else {
    lines.push(
      'Services with their own approvers, and the notice their consumers get before a breaking change:',
      '',
      ...table(
        ['Service', 'Approvers', 'Notice (days)', 'Change log'],
        governed.map(s => [
          code(s.id),
          s.governance!.approvers.length > 0
            ? s.governance!.approvers.map(a => cell(a)).join(', ')
            : '—',
          cell(s.governance!.breakChangesNotice),
          cell(
            s.governance!.changeLog === undefined
              ? undefined
              : shown(s.governance!.changeLog),
          ),
        ]),
      ),
    );
  }
  const betaDays = control?.betaChangeNoticeDays;
  const notice = betaDays ?? DEFAULT_BETA_CHANGE_NOTICE_DAYS;
  lines.push(
    '',
    notice > 0
      ? `A beta service that sets no notice of its own gives its consumers ${plural(
          notice,
          'day',
        )} of notice before a breaking change (${
          betaDays === undefined
            ? "the lifecycle's"
            : '`beta_change_notice_days`'
        }): \`service-registry diff\` lists a breaking change made sooner as \`notice-not-honoured\`, for the approvers to confirm or waive.`
      : 'A beta service that sets no notice of its own gives its consumers none (`beta_change_notice_days = 0`).',
  );
  return lines;
}

function addSection(registry: LoadedRegistry): string[] {
  const projects = [...registry.projects.values()].sort(byId);
  const lines = [
    '',
    '## Adding a service',
    '',
    '1. Add a `[service.<id>]` table to `services/catalog.toml` for a shared service, or to the project\'s `services.toml` for one project\'s. Give it a name, type, owner, version and `status = "development"`, a port no other service uses (`SERVICES.md` lists the ports), and what it requires under `[service.<id>.dependencies]`.',
    '2. Run `service-registry validate` and `service-registry docs`, and open a pull request with the change and the documents.',
  ];
  if (projects.length > 0) {
    lines.push(
      '',
      ...table(
        ['Project', 'Name', 'Owner', 'Tier', 'File'],
        projects.map(p => [
          cell(shown(p.id)),
          cell(p.name),
          cell(p.owner),
          cell(p.tier),
          code(shown(`projects/${p.id}/services.toml`)),
        ]),
      ),
    );
  }
  return lines;
}

function deprecateSection(
  registry: LoadedRegistry,
  services: RegistryService[],
): string[] {
  const days = registry.policies.changeControl?.migrationWindowDays;
  const window =
    days === undefined
      ? '6 months'
      : `${plural(days, 'day')} (\`migration_window_days\`)`;
  const deprecated = services.filter(s => s.status === 'deprecated').length;
  return [
    '',
    '## Deprecating a service',
    '',
    `1. Set \`status = "deprecated"\`, \`deprecation_date\`, a \`sunset_date\` at least ${window} later, and \`replacement_service\`.`,
    '2. Add `[service.<id>.migration]` with `guide_url`, `support_until` and `migration_difficulty`.',
    '3. Tell the owners of its consumers (`service-registry impact <service>`). Validation warns every consumer of a deprecated service until its sunset.',
    '4. After the sunset, once nothing requires it, set `status = "retired"`: it leaves the catalog.',
    '',
    `${
      deprecated === 0
        ? 'No service is deprecated now.'
        : `${plural(deprecated, 'service')} ${
            deprecated === 1 ? 'is' : 'are'
          } deprecated now; \`TOPOLOGY.md\` lists ${
            deprecated === 1 ? 'it' : 'them'
          } by sunset date, with the consumers left.`
    }`,
  ];
}

function maintenanceSection(services: RegistryService[]): string[] {
  const maintained = services.filter(s => s.status === 'maintenance');
  const lines = [
    '',
    '## Performing maintenance',
    '',
    'A service in maintenance gets security fixes only, no new features, until the end of its support window (`migration.support_until`).',
    '',
  ];
  if (maintained.length === 0) {
    lines.push('No service is in maintenance.');
  } else {
    lines.push(
      ...table(
        ['Service', 'Owner', 'Version', 'Support until', 'Replacement'],
        maintained.map(s => [
          code(s.id),
          cell(s.effectiveOwner),
          cell(s.version),
          cell(s.migration?.supportUntil),
          code(s.replacementService),
        ]),
      ),
    );
  }
  return lines;
}

/**
 * `RUNBOOK.md` (seed 000: "how to add, update and deprecate a service, handle incidents and
 * perform maintenance"): the procedures, with the registry's facts each one needs. For an
 * incident, every running service by tier with its owner, support hours, RTO and RPO (its own
 * `sla`, else its tier's policy), health check, what it requires, how many services require it
 * and from which projects, and where its critical alerts go; for a change, who approves it; for
 * a new service, the projects and their files; the migration window for a deprecation; the
 * services in maintenance. Retired services are left out. The text depends only on the registry.
 *
 * @param registry - the loaded registry
 * @param graph - its dependency graph
 */
export function runbookDocument(
  registry: LoadedRegistry,
  graph: DependencyGraph,
): string {
  const running = runningGraphOf(registry, graph);
  const services = [...registry.services.values()]
    .filter(s => s.status !== 'retired')
    .sort(byId);
  const tiers = (tier: ServiceTier) =>
    services.filter(s => s.effectiveTier === tier).length;
  const lines = [
    GENERATED,
    '',
    '# Runbook',
    '',
    `Operational procedures for the ${plural(
      services.length,
      'service',
    )} of this registry that run (${TIERS.map(t => `${tiers(t)} ${t}`).join(
      ', ',
    )}; retired services are left out): handling an incident, changing, adding and deprecating a service, and maintenance.`,
    ...incidentSection(registry, running, services),
    ...changeSection(registry, services),
    ...addSection(registry),
    ...deprecateSection(registry, services),
    ...maintenanceSection(services),
  ];
  return `${lines.join('\n')}\n`;
}
