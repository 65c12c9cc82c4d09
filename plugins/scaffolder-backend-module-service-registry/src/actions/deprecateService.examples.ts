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
];
