import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `gc` without starting node with --expose-gc: the flag applies to contexts created after it.
setFlagsFromString('--expose-gc');

/** A full garbage collection. */
export const gc = runInNewContext('gc') as () => void;
