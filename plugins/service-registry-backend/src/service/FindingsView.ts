import {
  buildFindingsResponse,
  FindingsQuery,
  FindingsResponse,
  FindingsSource,
  hideSecretValues,
  RegistryFindingItem,
} from '@service-registry/plugin-service-registry-common';

/** Where an item of a filtering pass stands in {@link FindingsView}'s lists. */
const AT = Symbol('findings item index');

type MarkedItem = RegistryFindingItem & { [AT]: number };

/**
 * The `GET /findings` answer of one snapshot, built and made safe to serve once: every finding as
 * an item (owner, link, errors first) with its credentials hidden. A request's filters pick items
 * from these lists; nothing is hidden or linked again per request (`RegistryViews.findingsBody`
 * keeps the answer without filters serialised).
 */
export class FindingsView {
  /** The answer without its items, credentials hidden. */
  private readonly head: Omit<FindingsResponse, 'items'>;
  /** Every item, as served (credentials hidden), errors first. */
  private readonly hidden: RegistryFindingItem[];
  /** The same items as built (what filters compare), each marked with its index. */
  private readonly marked: MarkedItem[];
  private readonly source: FindingsSource;

  constructor(source: FindingsSource) {
    const { items, ...head } = buildFindingsResponse(source);
    this.source = source;
    this.head = hideSecretValues(head);
    this.hidden = items.map(item => hideSecretValues(item));
    this.marked = items.map((item, index) => ({ ...item, [AT]: index }));
  }

  /**
   * The answer for these filters: `buildFindingsResponse` itself decides which items pass (so the
   * filters are the common library's), run over the items already built; then `keep`, when given,
   * picks among those. Items are served as hidden once.
   *
   * @param query - the filters of `buildFindingsResponse`
   * @param keep - a further filter on the items as built
   */
  answer(
    query: FindingsQuery,
    keep?: (item: RegistryFindingItem) => boolean,
  ): FindingsResponse {
    if (!keep && Object.values(query).every(value => value === undefined)) {
      return { ...this.head, items: this.hidden };
    }
    const { items } = buildFindingsResponse(
      {
        ...this.source,
        // the items carry their links already: no location, no link built again
        rootLocation: '',
        findings: this.marked,
      },
      query,
    );
    return {
      ...this.head,
      items: (keep ? items.filter(keep) : items).map(item => {
        const index = (item as Partial<MarkedItem>)[AT];
        // an item is a copy of the finding it was made from; should that ever change, the item
        // is hidden here as it used to be, rather than served as written
        return index === undefined
          ? hideSecretValues(item)
          : this.hidden[index];
      }),
    };
  }
}
