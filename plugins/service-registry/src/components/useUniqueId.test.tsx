import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useUniqueId } from './useUniqueId';

function Labelled(props: { label: string }) {
  const id = useUniqueId('field');
  const [count, setCount] = useState(0);
  return (
    <div>
      <span id={id}>{props.label}</span>
      <button aria-labelledby={id} onClick={() => setCount(count + 1)}>
        {count}
      </button>
    </div>
  );
}

describe('useUniqueId', () => {
  it('gives each component its own id, which names its element and stays the same', async () => {
    render(
      <>
        <Labelled label="Project" />
        <Labelled label="Owner" />
      </>,
    );
    const project = screen.getByRole('button', { name: 'Project' });
    const owner = screen.getByRole('button', { name: 'Owner' });
    const first = project.getAttribute('aria-labelledby');
    expect(first).toMatch(/^field-\d+$/);
    expect(owner.getAttribute('aria-labelledby')).not.toBe(first);
    // a render after a state change keeps the id
    await userEvent.click(project);
    expect(project).toHaveTextContent('1');
    expect(project.getAttribute('aria-labelledby')).toBe(first);
    expect(screen.getByRole('button', { name: 'Project' })).toBe(project);
  });
});
