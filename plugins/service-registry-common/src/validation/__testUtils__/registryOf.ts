import fs from 'node:fs';
import path from 'node:path';
import { loadRegistry } from '../../load/buildRegistry';
import {
  LoadedRegistry,
  RegistryFileInput,
  RegistryFinding,
} from '../../model/types';
import { createValidationContext } from '../context';
import { ValidationRule } from '../types';

/** Test helper: loads a registry from inline files, by path. */
export function registryOf(files: Record<string, string>): LoadedRegistry {
  return loadRegistry(
    Object.entries(files).map(([file, text]) => ({ path: file, text })),
  );
}

/** Test helper: runs one rule on inline files. */
export function runRule(
  rule: ValidationRule,
  files: Record<string, string>,
  today = '2026-01-15',
): RegistryFinding[] {
  return rule(createValidationContext(registryOf(files), today));
}

/** Test helper: a catalog of the given lines. */
export function catalog(...lines: string[]): Record<string, string> {
  return { 'services/catalog.toml': lines.join('\n') };
}

/** Test helper: the codes of findings, in order. */
export function codes(findings: RegistryFinding[]): string[] {
  return findings.map(f => f.code);
}

/** Test helper: the seed snippets, as written in the fixture folder (fs is fine in tests). */
export function seedFiles(): RegistryFileInput[] {
  const root = path.resolve(__dirname, '../../__fixtures__/seeds');
  const files: RegistryFileInput[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), {
      withFileTypes: true,
    })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else {
        files.push({
          path: child,
          text: fs.readFileSync(path.join(root, child), 'utf8'),
        });
      }
    }
  };
  walk('');
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** `policies/sla.toml` with two tier policies: critical (99.99%, p99 100ms), high (99.9%, 200ms). */
export const TIER_SLA_POLICIES = [
  '[sla.critical]',
  'availability = "99.99%"',
  'response_time_p99 = "100ms"',
  '[sla.high]',
  'availability = "99.9%"',
  'response_time_p99 = "200ms"',
].join('\n');
