import { NotFoundError } from '@backstage/errors';
import {
  HELD_BACK_SERVICE_CODE,
  heldBackServiceReason,
  redactSecrets,
  registryNotFoundMessages,
} from '@service-registry/plugin-service-registry-common';
import {
  noSuchService,
  RegistrySnapshot,
} from '@service-registry/plugin-service-registry-node';

/** What the catalog hides an id under when the id holds a credential. */
const HIDDEN_ID = '(hidden)';

/**
 * The services of one snapshot that the catalog holds back, indexed once per snapshot from the
 * `catalog/held-back-service` findings the provider publishes with it: a service moved into a
 * file that is not taken as written (it does not parse, say) or into a misspelt table, which the
 * registry lacks while the catalog keeps its Component as last ingested. Its 404 says so, and why,
 * rather than that the registry does not declare it.
 */
export class HeldBackServices {
  /** The 404 message of each held-back service, by id, made once. */
  private readonly messages = new Map<string, string>();

  constructor(private readonly snapshot: RegistrySnapshot) {
    for (const finding of snapshot.findings) {
      const id = finding.service;
      if (finding.code !== HELD_BACK_SERVICE_CODE || id === undefined) continue;
      // an id the catalog hid (it holds a credential) names no service that can be asked for
      if (id === HIDDEN_ID || this.messages.has(id)) continue;
      const why = heldBackServiceReason(finding);
      // the file and the reason are the registry's words: a credential in them is not served
      this.messages.set(
        id,
        redactSecrets(
          registryNotFoundMessages.heldBack(
            id,
            snapshot.providerId,
            finding,
            why,
          ),
        ),
      );
    }
  }

  /**
   * The `404` of a service the registry does not hold: that it is held back and why, when the
   * catalog holds it back; else that the registry does not declare it (`noSuchService`).
   *
   * @param id - the service asked for
   */
  notFound(id: string): NotFoundError {
    const message = this.messages.get(id);
    return message === undefined
      ? noSuchService(id, this.snapshot.providerId)
      : new NotFoundError(message);
  }
}
