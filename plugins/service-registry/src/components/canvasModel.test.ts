import { namesakeGraph } from '../testUtils/graphFixture';
import { describeService } from './canvasModel';

describe('describeService', () => {
  const node = (id: string) => namesakeGraph().nodes.find(n => n.id === id)!;

  it('tells a global service apart from a service of the project named global', () => {
    expect(describeService(node('auth'))).toEqual({
      detail: 'Global services',
      description: 'auth, GA, Global services, owner platform-team, tier high',
    });
    expect(describeService(node('portal'))).toEqual({
      detail: 'global',
      description: 'portal, GA, project global, owner web-team, tier high',
    });
  });

  it('says nothing of the project of a service no file declares', () => {
    expect(
      describeService({
        id: 'ghost',
        name: 'ghost',
        declared: false,
        project: null,
      }),
    ).toEqual({
      detail: 'missing (not declared)',
      description: 'ghost, missing (not declared)',
    });
  });
});
