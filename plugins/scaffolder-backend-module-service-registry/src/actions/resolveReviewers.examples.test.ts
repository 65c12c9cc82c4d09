import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { cleanUp, runExample, tempDir } from '../__testUtils__/workspace';
import { createServiceRegistryResolveReviewersAction } from './resolveReviewers';
import { examples } from './resolveReviewers.examples';

afterEach(cleanUp);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'platform-team',
      annotations: { 'github.com/team-slug': 'example-org/platform-team' },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: 'jane',
      annotations: {
        'github.com/user-login': 'jane-gh',
        'gitlab.com/user-login': 'https://gitlab.com/jane-gl',
      },
    },
    spec: { memberOf: ['platform-team'] },
  },
];

describe('service-registry:resolve-reviewers examples', () => {
  const action = createServiceRegistryResolveReviewersAction({
    catalog: catalogServiceMock({ entities }),
  });

  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const [out] = await runExample(action, example, await tempDir());
    const gitlab = example.example.includes('provider: gitlab');
    expect(out).toMatchObject(
      gitlab
        ? {
            reviewers: ['jane-gl'],
            teamReviewers: [],
            unresolved: [
              { approver: '@platform-team', reason: 'unsupported' },
              { approver: '@maintainer', reason: 'not-found' },
            ],
          }
        : {
            reviewers: ['jane-gh'],
            teamReviewers: ['platform-team'],
            unresolved: [{ approver: '@security-team', reason: 'not-found' }],
          },
    );
  });
});
