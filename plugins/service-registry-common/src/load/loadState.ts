import {
  FindingSeverity,
  RegistryFinding,
  SourcePosition,
} from '../model/types';
import { CheckContext, positionLookup } from './fieldCheck';

/**
 * Collects findings while a registry loads.
 */
export class FindingCollector {
  readonly findings: RegistryFinding[] = [];

  /** Adds a finding at a position, about a service and/or a project. */
  add(
    severity: FindingSeverity,
    code: string,
    message: string,
    position: SourcePosition,
    about: { service?: string; project?: string } = {},
  ): void {
    this.findings.push({
      severity,
      code,
      message,
      file: position.file,
      line: position.line,
      column: position.column,
      ...(about.service !== undefined ? { service: about.service } : {}),
      ...(about.project !== undefined ? { project: about.project } : {}),
    });
  }

  /**
   * A check context for one record: positions relative to it, its header as fallback, and
   * findings tagged with the service and project concerned.
   *
   * @param silent - build without reporting (for views of records already checked)
   */
  context(
    subject: string,
    positions: Record<string, SourcePosition>,
    source: SourcePosition,
    about: { service?: string; project?: string },
    silent = false,
  ): CheckContext {
    return {
      subject,
      positionOf: positionLookup(positions, source),
      report: silent
        ? undefined
        : (finding, position) =>
            this.add(
              finding.severity,
              finding.code,
              finding.message,
              position,
              about,
            ),
    };
  }
}
