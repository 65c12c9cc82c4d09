import {
  parseTomlFile,
  RegistryService,
} from '@service-registry/plugin-service-registry-common';
import type { TomlEditValue } from './edit';
import type { WorkspaceRegistry } from './workspaceRegistry';
import { isTable } from './tomlTable';

/**
 * A TOML local date (`2026-09-01`, written without quotes). The registry editor writes a `Date`
 * by its `toISOString()`, which here is the day alone, as the TOML parser's own local dates do.
 */
export class TomlLocalDate extends Date {
  /** @param day - `YYYY-MM-DD`, a day of the calendar */
  constructor(private readonly day: string) {
    super(`${day}T00:00:00.000Z`);
  }

  /** The day, `YYYY-MM-DD`: how the editor writes it. */
  override toISOString(): string {
    return this.day;
  }

  /** A date without a time, like the parser's local dates. */
  isDate(): boolean {
    return true;
  }
}

/**
 * The `[service.<id>]` table as the file that declares the service writes it (not merged with
 * other files), or an empty table when that file does not parse.
 */
export function writtenServiceTable(
  ws: WorkspaceRegistry,
  service: RegistryService,
): Record<string, unknown> {
  const file = ws.files.find(f => f.path === service.source.file);
  if (!file) return {};
  const parsed = parseTomlFile(file.path, file.text);
  if (!parsed.ok) return {};
  const services = parsed.file.table.service;
  const table = isTable(services) ? services[service.id] : undefined;
  return isTable(table) ? table : {};
}

/**
 * A lifecycle date to write in place of `written`: a TOML date when the one written there is a
 * TOML date (so that the file keeps its style), else the `"YYYY-MM-DD"` string.
 */
export function dateLike(written: unknown, day: string): TomlEditValue {
  return written instanceof Date ? new TomlLocalDate(day) : day;
}
