import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of service-registry:service:deprecate. */
export const examples: TemplateExample[] = [
  {
    description:
      'Deprecate a service in favour of its successor, with a migration guide',
    example: yaml.stringify({
      steps: [
        {
          id: 'deprecate',
          action: 'service-registry:service:deprecate',
          name: 'Deprecate the service',
          input: {
            id: 'search-service',
            deprecationDate: '2026-12-01',
            sunsetDate: '2027-06-01',
            replacementService: 'new-api',
            migration: {
              guideUrl: 'https://wiki.example.com/search-migration',
              difficulty: 'moderate',
              estimatedEffortHours: 8,
            },
          },
        },
      ],
    }),
  },
  {
    description:
      "Deprecate the services picked in the catalog: entity refs, read as the registry ids of their Components' annotation service-registry.io/service-id",
    example: yaml.stringify({
      steps: [
        {
          id: 'deprecate',
          action: 'service-registry:service:deprecate',
          name: 'Deprecate the service',
          input: {
            // in a template: ${{ parameters.service }}, from an EntityPicker
            id: 'component:default/search-service',
            sunsetDate: '2027-06-01',
            replacementService: 'component:default/new-api',
          },
        },
      ],
    }),
  },
];
