import path from 'node:path';

/** The part of the `jsonschema` package the scaffolder's runner uses. */
interface JsonSchemaValidator {
  validate(
    instance: unknown,
    schema: unknown,
  ): { valid: boolean; errors: { toString(): string }[] };
}

/**
 * The `jsonschema` validator of `@backstage/plugin-scaffolder-backend`, resolved from that
 * package: the very copy its task runner checks each step's input with before calling the action
 * (`NunjucksWorkflowRunner`). The action only ever sees input that passed it; zod is not run.
 */
const jsonschema: JsonSchemaValidator = require(require.resolve('jsonschema', {
  paths: [
    path.dirname(require.resolve('@backstage/plugin-scaffolder-backend')),
  ],
}));

/** An action as `createTemplateAction` returns it: its schemas converted to JSON Schema. */
export interface ActionUnderTest {
  id: string;
  schema?: { input?: unknown };
  handler: (ctx: any) => Promise<void>;
}

/**
 * Checks a step's input the way the scaffolder's runner does, against the JSON Schema generated
 * from the action's zod schema.
 *
 * @returns the errors, as the runner would list them in its "Invalid input passed to action"
 *   message; empty when the input would reach the handler
 */
export function runnerInputErrors(
  action: ActionUnderTest,
  input: unknown,
): string[] {
  if (!action.schema?.input) return [];
  const result = jsonschema.validate(input, action.schema.input);
  return result.valid ? [] : result.errors.map(String);
}
