import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of service-registry:publish:branch. */
export const examples: TemplateExample[] = [
  {
    description:
      'Push the edited registry as a new branch of its local repository, with the report in the commit',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'service-registry:publish:branch',
          name: 'Push the branch',
          input: {
            branchName: 'service-registry/add-orders-api',
            title: 'Add orders-api to the service registry',
            description: '${{ steps.validate.output.report }}',
          },
        },
      ],
    }),
  },
];
