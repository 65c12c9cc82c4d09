import {
  FindingSeverity,
  RegistryFinding,
  SourcePosition,
} from '../model/types';
import { CheckContext, nearestPosition } from './fieldCheck';
import { KeyPathPart, tomlBasicString } from './keyPath';
import { Deferred } from './lazy';

type About = { service?: string; project?: string };

/**
 * The table of a service's context, `['service', <id>]`: made only when a message needs it, so
 * that loading a service allocates nothing but its context.
 */
const SERVICE_TABLE = Symbol('service table');

/** The check context of a record, without reporting. */
class RecordContext implements CheckContext {
  /**
   * @param label - the subject, or its kind when `name` is given (`Service`)
   * @param name - the record's name: the subject is then `<label> "<name>"` (the name quoted as
   *   a TOML string: an invalid id may hold control characters), spelled out only when a message
   *   needs it
   * @param tablePath - the record's table from the root of its file (see `CheckContext.table`),
   *   or {@link SERVICE_TABLE} for the service `name`
   */
  constructor(
    private readonly label: string,
    private readonly name: string | undefined,
    private readonly positions: Deferred<Record<string, SourcePosition>>,
    private readonly source: SourcePosition,
    private readonly tablePath:
      | readonly KeyPathPart[]
      | typeof SERVICE_TABLE
      | undefined,
  ) {}

  get table(): readonly KeyPathPart[] | undefined {
    return this.tablePath === SERVICE_TABLE
      ? ['service', this.name!]
      : this.tablePath;
  }

  get subject(): string {
    return this.name === undefined
      ? this.label
      : `${this.label} ${tomlBasicString(this.name)}`;
  }

  positionOf(path: readonly KeyPathPart[]): SourcePosition {
    return nearestPosition(this.positions.resolve(), path, this.source);
  }
}

/** The check context of a record, reporting to a collector about a service and/or a project. */
class ReportingRecordContext extends RecordContext implements About {
  constructor(
    label: string,
    name: string | undefined,
    positions: Deferred<Record<string, SourcePosition>>,
    source: SourcePosition,
    table: readonly KeyPathPart[] | typeof SERVICE_TABLE | undefined,
    private readonly collector: FindingCollector,
    readonly service: string | undefined,
    readonly project: string | undefined,
  ) {
    super(label, name, positions, source, table);
  }

  report(
    finding: Pick<RegistryFinding, 'severity' | 'code' | 'message'>,
    position: SourcePosition,
  ): void {
    this.collector.add(
      finding.severity,
      finding.code,
      finding.message,
      position,
      this,
    );
  }
}

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
    about: About = {},
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
   * @param positions - the record's positions, asked for only when a position is looked up
   *   (a finding, a lazy `position`): they may need a scan of the file
   * @param silent - build without reporting (for views of records already checked)
   * @param table - the record's table from the root of its file, when the paths checked are
   *   relative to it (see `CheckContext.table`)
   */
  context(
    subject: string,
    positions: Deferred<Record<string, SourcePosition>>,
    source: SourcePosition,
    about: About,
    silent = false,
    table?: readonly KeyPathPart[],
  ): CheckContext {
    return silent
      ? new RecordContext(subject, undefined, positions, source, table)
      : new ReportingRecordContext(
          subject,
          undefined,
          positions,
          source,
          table,
          this,
          about.service,
          about.project,
        );
  }

  /**
   * {@link FindingCollector.context} for a service (subject `Service "<id>"`, findings about it
   * and its project), without allocating anything but the context.
   */
  serviceContext(
    id: string,
    project: string | undefined,
    positions: Deferred<Record<string, SourcePosition>>,
    source: SourcePosition,
    silent = false,
  ): CheckContext {
    return silent
      ? new RecordContext('Service', id, positions, source, SERVICE_TABLE)
      : new ReportingRecordContext(
          'Service',
          id,
          positions,
          source,
          SERVICE_TABLE,
          this,
          id,
          project,
        );
  }
}
