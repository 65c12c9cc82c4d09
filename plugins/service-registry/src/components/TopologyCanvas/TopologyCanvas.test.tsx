import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { CanvasNode, TopologyCanvas } from './TopologyCanvas';

const node = (
  id: string,
  x: number,
  y: number,
  emphasis?: CanvasNode['emphasis'],
): CanvasNode => ({
  id,
  x,
  y,
  label: id,
  fill: '#fff',
  border: '#000',
  emphasis,
  description: `${id}, GA, project shop`,
});

describe('TopologyCanvas', () => {
  it('moves between nodes with the keyboard, announces them, and selects or opens them', async () => {
    const onNodeClick = jest.fn();
    const onNodeActivate = jest.fn();
    await renderInTestApp(
      <TopologyCanvas
        nodes={[
          node('web', 0, 0),
          node('api', 240, 0, 'root'),
          node('db', 480, 0),
        ]}
        edges={[
          { from: 'web', to: 'api', color: '#999', width: 1 },
          { from: 'api', to: 'db', color: '#999', width: 1 },
        ]}
        height={300}
        ariaLabel="Dependency graph of api"
        onNodeClick={onNodeClick}
        onNodeActivate={onNodeActivate}
      />,
    );
    const graph = screen.getByRole('application', {
      name: 'Dependency graph of api',
    });
    expect(graph).toHaveAccessibleDescription(
      /Arrow keys move between services/,
    );
    graph.focus();
    // the first arrow focuses the root
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByText('api, GA, project shop')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByText('db, GA, project shop')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByText('web, GA, project shop')).toBeInTheDocument();
    await userEvent.keyboard(' ');
    expect(onNodeClick).toHaveBeenCalledWith('web');
    await userEvent.keyboard('{Enter}');
    expect(onNodeActivate).toHaveBeenCalledWith('web');
  });

  it('zooms in and out with its buttons, and fits the graph again', async () => {
    await renderInTestApp(
      <TopologyCanvas
        nodes={[node('web', 0, 0), node('api', 240, 0)]}
        edges={[{ from: 'web', to: 'api', color: '#999', width: 1 }]}
        height={300}
        ariaLabel="Dependency map"
      />,
    );
    const graph = screen.getByRole('application', { name: 'Dependency map' });
    // jsdom lays nothing out: the fitted scale of an unmeasured canvas is 1
    expect(graph).toHaveAttribute('data-scale', '1.000');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(graph).toHaveAttribute('data-scale', '1.250');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(graph).toHaveAttribute('data-scale', '1.563');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(graph).toHaveAttribute('data-scale', '1.250');
    await userEvent.click(
      screen.getByRole('button', { name: 'Fit the graph' }),
    );
    expect(graph).toHaveAttribute('data-scale', '1.000');
  });
});
