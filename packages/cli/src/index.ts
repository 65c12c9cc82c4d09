/**
 * The `service-registry` command line: validation, diff, impact and graph of a TOML service
 * registry, for the registry repository's CI.
 *
 * @packageDocumentation
 */
import { processIO } from './lib/io';
import { runCli } from './program';

export { runCli, USAGE } from './program';
export type { CliIO } from './lib/io';

/**
 * Runs the CLI with the given arguments and sets the process exit code.
 *
 * @param argv - the arguments after the program name
 * @public
 */
export async function main(argv: string[]): Promise<void> {
  process.exitCode = await runCli(argv, processIO());
}
