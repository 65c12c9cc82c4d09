import { categoryLabel, GLOBAL_PROJECT_KEY } from './graph-transformations';
import {
  GLOBAL_SERVICES_LABEL,
  serviceProjectLabel,
  serviceProjectPhrase,
} from './serviceProjectLabel';

describe('serviceProjectLabel', () => {
  it('tells a global service apart from a service of the project named global', () => {
    expect(serviceProjectLabel(null)).toBe('Global services');
    expect(serviceProjectLabel(undefined)).toBe('Global services');
    expect(serviceProjectLabel('global')).toBe('global');
  });

  it('shows a project by the name given, else by its id', () => {
    expect(serviceProjectLabel('shop')).toBe('shop');
    expect(serviceProjectLabel('shop', 'Web Shop')).toBe('Web Shop');
    expect(serviceProjectLabel(null, 'Web Shop')).toBe('Global services');
  });

  it('names the global services as the map does beside a project named global', () => {
    expect(GLOBAL_SERVICES_LABEL).toBe(
      categoryLabel(GLOBAL_PROJECT_KEY, new Set(['global'])),
    );
  });
});

describe('serviceProjectPhrase', () => {
  it('says "project <id>" for a project and "Global services" for a global service', () => {
    expect(serviceProjectPhrase('shop')).toBe('project shop');
    expect(serviceProjectPhrase('global')).toBe('project global');
    expect(serviceProjectPhrase(null)).toBe('Global services');
    expect(serviceProjectPhrase(undefined)).toBe('Global services');
  });
});
