/*
 * The neighbourhood walk lives in the common package, where the backend's
 * `GET /graph?service=&depth=` uses it too, so that the card and the backend keep the same
 * services for a depth: these are its names here.
 */
export { selectRegistryNeighbourhood as selectNeighbourhood } from '@service-registry/plugin-service-registry-common';
export type {
  NeighbourDirection,
  NeighbourInfo,
  RegistryNeighbourhood as Neighbourhood,
} from '@service-registry/plugin-service-registry-common';
