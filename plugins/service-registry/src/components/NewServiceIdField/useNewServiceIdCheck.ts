import { useEffect, useState } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { checkNewServiceId, NewServiceIdCheck } from './validateNewServiceId';

/** How long typing pauses before the id typed is checked, in milliseconds. */
export const ID_CHECK_DELAY_MS = 400;

/** The check of an id, with the id it is of. */
export interface CheckedId extends NewServiceIdCheck {
  id: string;
}

/**
 * The check of the id being typed in the new-service form ({@link checkNewServiceId}), made once
 * typing pauses for {@link ID_CHECK_DELAY_MS}: so that a taken or malformed id is said as it is
 * typed, not only when the form moves on (the scaffolder keeps a step's errors until Next). The
 * answer names the id it is of: a check of an id since changed is not the field's.
 */
export function useNewServiceIdCheck(
  id: string | undefined,
  registry: string | undefined,
): CheckedId | undefined {
  const apiHolder = useApiHolder();
  const [checked, setChecked] = useState<CheckedId>();
  useEffect(() => {
    if (!id) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      checkNewServiceId(id, { apiHolder, registry }).then(
        result => {
          if (current) setChecked({ id, ...result });
        },
        // (an unexpected failure says nothing; the form's own validation still runs at Next)
        () => {},
      );
    }, ID_CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [id, registry, apiHolder]);
  return checked?.id === id ? checked : undefined;
}
