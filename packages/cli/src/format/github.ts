import path from 'node:path';
import { RegistryFinding } from '@service-registry/plugin-service-registry-common';

function escapeData(s: string) {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string) {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<RegistryFinding['severity'], string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which show the
 * findings as annotations on the pull request's changed files.
 *
 * @param options - `root`: the registry root relative to the repository root (`annotationRoot`),
 *   which the findings' paths are joined to
 */
export function formatFindingsGithub(
  findings: RegistryFinding[],
  options: { root: string },
): string {
  return findings
    .map(f => {
      const command = COMMAND[f.severity];
      const file = path.posix.join(options.root || '.', f.file);
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `title=${escapeProperty(f.code)}`,
      ].join(',');
      return `::${command} ${props}::${escapeData(f.message)}\n`;
    })
    .join('');
}
