import { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { useQueryFilters } from './useQueryFilters';

const KEYS = ['project', 'owner'] as const;

function renderFilters(path: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
  );
  return renderHook(
    () => ({ filters: useQueryFilters(KEYS), location: useLocation() }),
    { wrapper },
  );
}

describe('useQueryFilters', () => {
  it('reads its keys from the query string, an absent one as empty', () => {
    const { result } = renderFilters('/?project=shop&other=1');
    expect(result.current.filters[0]).toEqual({ project: 'shop', owner: '' });
  });

  it('writes the keys it is given, removes the empty ones, and keeps the other parameters', () => {
    const { result } = renderFilters('/?project=shop&other=1');
    act(() => result.current.filters[1]({ owner: 'team-a', project: '' }));
    expect(result.current.location.search).toBe('?other=1&owner=team-a');
    expect(result.current.filters[0]).toEqual({ project: '', owner: 'team-a' });
  });

  it('leaves a URL that says it already as it is: no navigation', () => {
    const { result } = renderFilters('/?project=shop');
    const before = result.current.location;
    act(() => result.current.filters[1]({ project: 'shop', owner: '' }));
    expect(result.current.location).toBe(before);
    act(() => result.current.filters[1]({ owner: 'team-a' }));
    expect(result.current.location.key).not.toBe(before.key);
    expect(result.current.location.search).toBe('?project=shop&owner=team-a');
  });
});
