import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of service-registry:service:update. */
export const examples: TemplateExample[] = [
  {
    description: 'Bump the version of a service and hand it to another team',
    example: yaml.stringify({
      steps: [
        {
          id: 'update',
          action: 'service-registry:service:update',
          name: 'Update the service',
          input: {
            id: 'shared-config',
            version: '2.4.0',
            owner: 'platform-team',
          },
        },
      ],
    }),
  },
  {
    description: 'Replace the required dependencies of a service',
    example: yaml.stringify({
      steps: [
        {
          id: 'update',
          action: 'service-registry:service:update',
          name: 'Update the dependencies',
          input: {
            id: 'notification-service',
            dependencies: { requires: ['shared-config', 'shared-auth@^1.0'] },
          },
        },
      ],
    }),
  },
  {
    description:
      'Add a required dependency and stop using an optional one, keeping the rest of the lists',
    example: yaml.stringify({
      steps: [
        {
          id: 'update',
          action: 'service-registry:service:update',
          name: 'Edit the dependencies',
          input: {
            id: 'project-a-catalog',
            addDependencies: { requires: ['component:default/shared-config'] },
            removeDependencies: ['search-service'],
          },
        },
      ],
    }),
  },
  {
    description: 'Retire a deprecated service once its consumers have migrated',
    example: yaml.stringify({
      steps: [
        {
          id: 'retire',
          action: 'service-registry:service:update',
          name: 'Retire the service',
          input: { id: 'legacy-search', status: 'retired' },
        },
      ],
    }),
  },
];
