export {
  renderFindingsMarkdown,
  renderImpactMarkdown,
  renderChangeReportMarkdown,
  type MarkdownReportOptions,
} from './markdown';
export { graphToDot, graphToMermaid, graphToJson } from './graphFormats';
