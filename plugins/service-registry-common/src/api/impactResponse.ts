import { ImpactReport } from '../graph/types';

/**
 * Body of `GET /api/service-registry/impact/:service`: the impact report, and the registry it
 * was computed on.
 *
 * @public
 */
export interface ImpactResponse extends ImpactReport {
  /** The registry (provider id). */
  registry: string;
}
