/**
 * The `service-registry` command line: validation, diff, impact and graph of a TOML service
 * registry, for the registry repository's CI.
 *
 * @packageDocumentation
 */

/**
 * Runs the CLI with the given arguments and sets the process exit code.
 *
 * @param argv - the arguments after the program name
 * @public
 */
export async function main(argv: string[]): Promise<void> {
  process.stderr.write(
    `service-registry: no commands yet (got: ${argv.join(' ')})\n`,
  );
  process.exitCode = 2;
}
