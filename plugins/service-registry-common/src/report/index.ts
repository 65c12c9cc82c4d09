export {
  renderFindingsMarkdown,
  renderImpactMarkdown,
  renderChangeReportMarkdown,
  type MarkdownReportOptions,
} from './markdown';
export {
  graphToDot,
  graphToMermaid,
  graphToJson,
  mermaidChartLimit,
  MERMAID_MAX_EDGES,
  MERMAID_MAX_TEXT_LENGTH,
} from './graphFormats';
export { fitMarkdown, MARKDOWN_REPORT_LIMIT } from './fitMarkdown';
export type { MarkdownReportLimits } from './fitMarkdown';
export {
  isGeneratedRegistryDocument,
  REGISTRY_DOCUMENT_NAMES,
  renderRegistryDocs,
} from './registryDocs';
export type { RegistryDocument, RegistryDocsOptions } from './registryDocs';
export {
  cell as markdownCell,
  code as markdownCode,
  codeCell as markdownCodeCell,
  linkTarget as markdownLinkTarget,
  plural,
} from './markdownText';
export { describeChangeSubject, overrideProjectOf } from './changeSubject';
export { describeApprovalReason } from './approvalReason';
export { describeChangeType } from './changeTypeText';
export { describeFieldValueChange } from './fieldValueChange';
export { describeUnreadHeadFile } from './unreadHeadFile';
export { describeUnreadBaseFile } from './unreadBaseFile';
export type { DescribeUnreadBaseFileOptions } from './unreadBaseFile';
