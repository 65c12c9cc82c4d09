import { MapRegistryOptions } from '../lib/mapRegistryToEntities';

/** Mapping options of a directory registry at `/srv/registry`, for the lib's tests. */
export const TEST_MAP_OPTIONS: MapRegistryOptions = {
  providerId: 'default',
  rootLocation: 'file:/srv/registry',
  fileLocation: (file: string) => ({ location: `file:/srv/registry/${file}` }),
  sharedSystem: 'shared',
  defaultOwner: 'unknown',
  ownerGroups: true,
};
