import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_REPLACEMENT,
  ANNOTATION_STATUS,
  ANNOTATION_SUNSET_DATE,
} from '@service-registry/plugin-service-registry-common';
import { serviceIdOfEntity } from '../../lib/serviceIdOfEntity';

/** A picked dependency that the registry has deprecated, as the form warns about it. */
export interface DeprecatedDependency {
  /** The picked entity's ref, as the form holds it. */
  ref: string;
  /** The service's id in the registry. */
  id: string;
  /** The warning, one sentence. */
  message: string;
}

/**
 * The picked dependencies (catalog entities, read through the annotations the registry's
 * provider writes) that the registry has deprecated, each with a sentence that says until when
 * it is served and what to depend on instead. Entities that are no deprecated registry service
 * are left out; each is named once, in the order picked.
 *
 * @param picked - each picked ref with its entity as the catalog gives it (none for a ref it lacks)
 * @param today - the day to compare sunset dates with (`YYYY-MM-DD`)
 */
export function deprecatedDependencies(
  picked: ReadonlyArray<{ ref: string; entity?: Entity }>,
  today: string,
): DeprecatedDependency[] {
  const seen = new Set<string>();
  const found: DeprecatedDependency[] = [];
  for (const { ref, entity } of picked) {
    const annotations = entity?.metadata.annotations;
    if (!entity || annotations?.[ANNOTATION_STATUS] !== 'deprecated') continue;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const id = serviceIdOfEntity(entity);
    const sunset = annotations[ANNOTATION_SUNSET_DATE]?.trim();
    const replacement = annotations[ANNOTATION_REPLACEMENT]?.trim();
    let message = `${id} is deprecated`;
    if (sunset) {
      message +=
        sunset < today
          ? `, and its sunset date ${sunset} has passed`
          : `: it is served until ${sunset}`;
    }
    message += replacement
      ? `. Depend on ${replacement} instead.`
      : '. Its owners name no replacement: ask them what to depend on instead.';
    found.push({ ref, id, message });
  }
  return found;
}
