import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of service-registry:resolve-reviewers. */
export const examples: TemplateExample[] = [
  {
    description:
      "Request the change's required approvers (in a template: `${{ steps.validate.output.requiredApprovers }}`) as reviewers of the GitHub pull request",
    example: yaml.stringify({
      steps: [
        {
          id: 'reviewers',
          action: 'service-registry:resolve-reviewers',
          name: 'Find the reviewers',
          input: {
            approvers: ['@platform-team', '@security-team', 'user:jane'],
            provider: 'github',
            repoUrl: 'github.com?owner=example-org&repo=service-registry',
          },
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
            reviewers: '${{ steps.reviewers.output.reviewers }}',
            teamReviewers: '${{ steps.reviewers.output.teamReviewers }}',
          },
        },
      ],
    }),
  },
  {
    description:
      "When the pull request is opened with the user's own GitHub token, give the action the same token: its user, the pull request's author, is left out of the reviewers (reason `author`), as GitHub refuses a review request naming the author",
    example: yaml.stringify({
      steps: [
        {
          id: 'reviewers',
          action: 'service-registry:resolve-reviewers',
          name: 'Find the reviewers',
          input: {
            approvers: ['@platform-team', '@security-team', 'user:jane'],
            provider: 'github',
            repoUrl: 'github.com?owner=example-org&repo=service-registry',
            token: '${{ secrets.USER_OAUTH_TOKEN }}',
          },
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
            token: '${{ secrets.USER_OAUTH_TOKEN }}',
            reviewers: '${{ steps.reviewers.output.reviewers }}',
            teamReviewers: '${{ steps.reviewers.output.teamReviewers }}',
          },
        },
      ],
    }),
  },
  {
    description:
      'Resolve approvers to the usernames of GitLab merge request reviewers (users only)',
    example: yaml.stringify({
      steps: [
        {
          id: 'reviewers',
          action: 'service-registry:resolve-reviewers',
          name: 'Find the reviewers',
          input: {
            approvers: ['@platform-team', 'user:default/jane', '@maintainer'],
            provider: 'gitlab',
            repoUrl: 'gitlab.com?owner=platform&repo=service-registry',
          },
        },
      ],
    }),
  },
];
