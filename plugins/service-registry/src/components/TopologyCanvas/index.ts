export { TopologyCanvas, NODE_HEIGHT, NODE_WIDTH } from './TopologyCanvas';
export type {
  CanvasEdge,
  CanvasNode,
  TopologyCanvasProps,
} from './TopologyCanvas';
