export { TopologyCanvas } from './TopologyCanvas';
export { NODE_HEIGHT, NODE_WIDTH } from './fitViewport';
export type {
  CanvasEdge,
  CanvasNode,
  TopologyCanvasProps,
} from './TopologyCanvas';
