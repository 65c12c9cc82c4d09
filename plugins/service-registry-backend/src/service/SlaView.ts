import {
  filterSlaOverview,
  hideSecretValues,
  LoadedRegistry,
  SlaOverview,
  SlaOverviewOptions,
  SlaOverviewService,
  slaOverview,
} from '@service-registry/plugin-service-registry-common';

/**
 * The SLA overview of one snapshot (`GET /sla`), evaluated and made safe to serve once: every
 * service that is not retired is evaluated by `slaOverview` and its line hidden
 * (`hideSecretValues`) once. A request's filters keep the lines of the services they match
 * (`filterSlaOverview`, as `slaOverview` filters), mapped to their hidden copies.
 */
export class SlaView {
  private readonly all: SlaOverview;
  /** Each line of `all`, as served (credentials hidden). */
  private readonly hidden = new Map<SlaOverviewService, SlaOverviewService>();

  constructor(registry: LoadedRegistry) {
    this.all = slaOverview(registry);
    for (const tier of this.all.tiers) {
      for (const service of tier.services) {
        this.hidden.set(service, hideSecretValues(service));
      }
    }
  }

  /**
   * The overview `slaOverview(registry, options)` gives, credentials hidden, with `head` (the
   * answer's other fields) before it.
   *
   * @param head - the fields the answer starts with (`registry`, `updatedAt`)
   * @param options - the filters of `slaOverview`
   */
  answer<H extends object>(
    head: H,
    options: SlaOverviewOptions = {},
  ): H & SlaOverview {
    const overview = filterSlaOverview(this.all, options);
    const { tiers } = overview;
    // what is left to hide is small (policies, project names): the lines are hidden already
    const answer = hideSecretValues({
      ...head,
      ...overview,
      tiers: tiers.map(group => ({
        ...group,
        services: [] as SlaOverviewService[],
      })),
    });
    answer.tiers.forEach((group, index) => {
      group.services = tiers[index].services.map(s => this.hidden.get(s)!);
    });
    return answer;
  }
}
