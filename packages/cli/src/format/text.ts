import path from 'node:path';
import {
  escapeControlCharacters,
  RegistryFinding,
} from '@service-registry/plugin-service-registry-common';
import { shownPath } from './shownPaths';
import { countFindings, describeCounts } from './summary';

/** ANSI colours, or none when the output is not a terminal. */
export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

/** Colours for a terminal; identity functions otherwise. */
export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) =>
    enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

/**
 * Text for a terminal: control characters (an escape sequence in a folder's name would drive the
 * terminal or a CI log's colours, a carriage return overwrite the line), bidirectional controls and
 * line breaks written as `\uXXXX` escapes.
 */
export function forTerminal(text: string): string {
  return escapeControlCharacters(text, { lineBreaks: true });
}

/**
 * Findings for people: grouped by file, each line starting with a clickable
 * `path/to/file.toml:line:col`, then severity, code and message; a closing summary. What comes
 * from the registry (paths, messages, ids) is written with its control characters escaped, and a
 * path with any credential in it (a project folder named with one) replaced by `(hidden)`.
 */
export function formatFindingsText(
  findings: RegistryFinding[],
  options: { root: string; color: boolean },
): string {
  const p = paint(options.color);
  const byFile = new Map<string, RegistryFinding[]>();
  for (const f of findings) {
    byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(p.bold(forTerminal(shownPath(file))));
    for (const f of list) {
      const where = forTerminal(
        `${shownPath(path.join(options.root, f.file))}:${f.line}:${f.column}`,
      );
      const severity = {
        error: p.red('error  '),
        warning: p.yellow('warning'),
        info: p.blue('info   '),
      }[f.severity];
      const subject = f.service
        ? ` ${p.dim(`[${forTerminal(f.service)}]`)}`
        : '';
      lines.push(
        `  ${where}  ${severity}  ${forTerminal(f.message)}${subject}  ${p.dim(
          f.code,
        )}`,
      );
    }
    lines.push('');
  }
  const counts = countFindings(findings);
  const summary = describeCounts(counts);
  if (counts.errors) lines.push(p.red(p.bold(`✖ ${summary}`)));
  else if (counts.warnings) lines.push(p.yellow(`⚠ ${summary}`));
  else lines.push(p.green(`✔ ${summary}`));
  return `${lines.join('\n')}\n`;
}
