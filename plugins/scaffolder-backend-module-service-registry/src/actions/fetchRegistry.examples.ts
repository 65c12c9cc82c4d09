import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of service-registry:registry:fetch. */
export const examples: TemplateExample[] = [
  {
    description:
      'Fetch the registry named by scaffolder.serviceRegistry.registryUrl',
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch-registry',
          action: 'service-registry:registry:fetch',
          name: 'Fetch the registry',
          input: {},
        },
      ],
    }),
  },
  {
    description: 'Fetch a registry hosted on GitHub',
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch-registry',
          action: 'service-registry:registry:fetch',
          name: 'Fetch the registry',
          input: {
            url: 'https://github.com/example-org/service-registry/tree/main',
          },
        },
      ],
    }),
  },
];
