import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  serviceRegistry?: {
    /** Consumer notifications (`@service-registry/plugin-service-registry-backend-module-notifications`). */
    notifications?: {
      /**
       * How often the deprecations are checked without a registry change, so that a sunset
       * coming near or passing is told on its day. Registry changes are told as soon as the
       * catalog provider ingests them, whatever this says. Default: every hour, first run one
       * minute after start, timeout 5 minutes. A schedule given replaces that default as a whole:
       * it needs a `frequency` and a `timeout`, and without an `initialDelay` the first run is not
       * delayed. `scope: 'local'` is refused: one instance checks and tells per interval.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
