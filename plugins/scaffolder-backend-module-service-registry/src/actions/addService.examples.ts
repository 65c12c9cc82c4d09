import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of service-registry:service:add. */
export const examples: TemplateExample[] = [
  {
    description: 'Add a global service to services/catalog.toml',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-service',
          action: 'service-registry:service:add',
          name: 'Add the service to the registry',
          input: {
            id: 'orders-api',
            name: 'Orders API',
            type: 'api',
            owner: 'ecommerce-team',
            version: '0.1.0',
            tier: 'high',
            port: 8090,
            dependencies: { requires: ['shared-auth@^1.0', 'shared-config'] },
            sla: { availability: '99.9%', responseTimeP99: '200ms' },
          },
        },
      ],
    }),
  },
  {
    description:
      'Add a service to a project, creating projects/<project>/services.toml for a new project',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-service',
          action: 'service-registry:service:add',
          name: 'Add the service to a new project',
          input: {
            id: 'billing-worker',
            project: 'billing',
            createProject: true,
            projectName: 'Billing',
            type: 'worker',
            owner: 'group:default/payments-team',
            dependencies: {
              requires: ['component:default/payments-gateway-v3'],
            },
          },
        },
      ],
    }),
  },
];
