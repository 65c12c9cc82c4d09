import { KeyPathPart } from '../../load/keyPath';
import { SourcePosition } from '../../model/types';

/**
 * Who a secret found at some path concerns, and how a message names it.
 */
export interface SecretAttribution {
  /** Who the record is: `Service "api"`, or a file path. */
  subject: string;
  /** The path as messages show it, relative to the subject: `metadata.env[1]`. */
  label: string;
  /** The service and project concerned. */
  about: { service?: string; project?: string };
}

/**
 * One table the secret scan reads, with what places and attributes its findings.
 */
export interface ScanTarget {
  /** The table as written. */
  table: Record<string, unknown>;
  /**
   * Positions of the keys below the table, by dotted path relative to it. Asked for only when a
   * secret is found: a registry without secrets never needs a file's key positions.
   */
  positions: () => Record<string, SourcePosition>;
  /** Where a finding goes when no position of its path (or of a prefix) is known. */
  fallback: SourcePosition;
  /** Who a finding at a path (relative to the table) concerns. */
  attribute: (path: readonly KeyPathPart[]) => SecretAttribution;
}
