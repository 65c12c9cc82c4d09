import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of service-registry:validate. */
export const examples: TemplateExample[] = [
  {
    description:
      'Validate the edited registry against its base and use the report as the pull request body',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'service-registry:validate',
          name: 'Validate the change',
          input: {},
        },
        {
          id: 'pr',
          action: 'publish:github:pull-request',
          name: 'Open the pull request',
          input: {
            repoUrl: 'github.com?owner=example-org&repo=service-registry',
            branchName: 'add-orders-api',
            title: 'Add orders-api',
            description: '${{ steps.validate.output.report }}',
            sourcePath: 'registry',
          },
        },
      ],
    }),
  },
  {
    description: 'Fail on any error or breaking change, with a fixed date',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'service-registry:validate',
          name: 'Validate strictly',
          input: {
            failOn: 'breaking-changes',
            today: '2026-11-22',
            title: 'Registry change report',
          },
        },
      ],
    }),
  },
];
