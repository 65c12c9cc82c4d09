import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseEntityRef } from '@backstage/catalog-model';
import { parse } from 'yaml';
import { ActionUnderTest, runnerInputErrors } from './runner';
import { contextFor } from './workspace';

/** The part of the `nunjitsu` template renderer the scaffolder's runner uses. */
interface TemplateRenderer {
  renderValue(source: string, context: unknown): unknown;
}

/**
 * The template engine of `@backstage/plugin-scaffolder-backend`, resolved from that package: the
 * very copy its `NunjucksWorkflowRunner` renders `${{ … }}` with.
 */
const nunjitsu: {
  createTemplateRenderer(options: {
    allowRegexExecution?: boolean;
    filters?: Record<string, (...args: any[]) => unknown>;
  }): TemplateRenderer;
} = require(require.resolve('nunjitsu', {
  paths: [
    path.dirname(require.resolve('@backstage/plugin-scaffolder-backend')),
  ],
}));

/**
 * The scaffolder's `parseEntityRef` and `pick` filters, as the templates use them (the runner's
 * own are internal to the scaffolder backend): an entity ref's parts, and a property of an object.
 */
const FILTERS = {
  parseEntityRef: (ref: unknown, context?: Record<string, string>) =>
    parseEntityRef(String(ref), context),
  pick: (value: unknown, key: string) =>
    value && typeof value === 'object'
      ? (value as Record<string, unknown>)[key]
      : undefined,
};

/** A step of a template, as written. */
interface TemplateStep {
  id: string;
  name?: string;
  action: string;
  if?: string | boolean;
  input?: Record<string, unknown>;
}

/** What a run of a template did: each step that ran, with its rendered input and its outputs. */
export interface TemplateRun {
  steps: Record<string, { input: any; output: Record<string, any> }>;
  /** The steps skipped by their `if`. */
  skipped: string[];
}

/**
 * Runs a template of the repository's `templates/` as the scaffolder's runner does: in order, each
 * step's `if` and then its input rendered with the scaffolder's template engine on the context
 * `{ parameters, steps, context: { task } }` (a string that is one `${{ … }}` keeps its value's
 * type, an `undefined` drops the key), the input checked against the action's JSON Schema, then
 * the action's handler run on the workspace with the task's initiator credentials of a mock user.
 *
 * @param options - the template's folder, the form's values, the actions, the workspace and task id
 */
export async function runTemplate(options: {
  templatePath: string;
  parameters: Record<string, unknown>;
  actions: ActionUnderTest[];
  workspacePath: string;
  taskId: string;
}): Promise<TemplateRun> {
  const doc = parse(
    await fs.readFile(path.join(options.templatePath, 'template.yaml'), 'utf8'),
  );
  const renderer = nunjitsu.createTemplateRenderer({
    allowRegexExecution: true,
    filters: FILTERS,
  });
  const context = {
    parameters: options.parameters,
    steps: {} as Record<string, { output: Record<string, unknown> }>,
    context: { task: { id: options.taskId } },
  };
  // as the runner renders an input: every string of it, through JSON; one that does not render
  // is kept as written
  const render = (value: unknown) =>
    JSON.parse(JSON.stringify(value), (_key, v) => {
      if (typeof v !== 'string') return v;
      try {
        return renderer.renderValue(v, context);
      } catch {
        return v;
      }
    });
  const run: TemplateRun = { steps: {}, skipped: [] };
  for (const step of doc.spec.steps as TemplateStep[]) {
    if (step.if !== undefined) {
      const condition = render(step.if);
      if (Array.isArray(condition) ? condition.length === 0 : !condition) {
        run.skipped.push(step.id);
        continue;
      }
    }
    const action = options.actions.find(a => a.id === step.action);
    if (!action) throw new Error(`no action ${step.action} for ${step.id}`);
    const input = render(step.input ?? {});
    const errors = runnerInputErrors(action, input);
    if (errors.length) {
      throw new Error(
        `Invalid input passed to action ${step.action}, ${errors.join(', ')}`,
      );
    }
    const { ctx, outputs } = contextFor(options.workspacePath, input);
    await action.handler(ctx);
    run.steps[step.id] = { input, output: outputs };
    context.steps[step.id] = { output: outputs };
  }
  return run;
}
