import fs from 'node:fs/promises';
import path from 'node:path';
import { ReadError, UsageError } from '../lib/errors';
import { CliIO } from '../lib/io';
import {
  MAX_NOTE_CHARACTERS,
  MergeRequestNotes,
  MergeRequestTarget,
} from '../lib/gitlabNotes';

/** The CI/CD variable that holds the token the note is posted with. */
export const TOKEN_VARIABLE = 'SERVICE_REGISTRY_GITLAB_TOKEN';

/** A variable GitLab sets in a merge request pipeline, or the error that says it is missing. */
function required(
  env: NodeJS.ProcessEnv,
  name: string,
  why: string,
  fallback?: string,
): string {
  const value = env[name] || (fallback ? env[fallback] : undefined);
  if (!value) throw new UsageError(`${name} is not set: ${why}`);
  return value;
}

/** Where the note goes, from GitLab's predefined variables and the token's variable. */
function targetFrom(env: NodeJS.ProcessEnv): MergeRequestTarget {
  const inMergeRequest =
    'gitlab-note runs in a merge request pipeline, which GitLab gives it (a job with rules: - if: $CI_PIPELINE_SOURCE == "merge_request_event")';
  const apiUrl = required(env, 'CI_API_V4_URL', inMergeRequest);
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new UsageError(
      `CI_API_V4_URL must be GitLab's API URL (https://gitlab.example.com/api/v4), got ${apiUrl}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(
      `CI_API_V4_URL must be an http or https URL, got ${url.protocol}`,
    );
  }
  const mergeRequestIid = required(env, 'CI_MERGE_REQUEST_IID', inMergeRequest);
  if (!/^[1-9]\d*$/.test(mergeRequestIid)) {
    throw new UsageError(
      `CI_MERGE_REQUEST_IID must be a merge request's number, got ${mergeRequestIid}`,
    );
  }
  // the merge request's own project: for a merge request from a fork, CI_PROJECT_ID is the fork
  const projectId = required(
    env,
    'CI_MERGE_REQUEST_PROJECT_ID',
    inMergeRequest,
    'CI_PROJECT_ID',
  );
  const token = required(
    env,
    TOKEN_VARIABLE,
    `add a masked CI/CD variable ${TOKEN_VARIABLE} with a project access token (Reporter role, api scope); a pipeline of a merge request from a fork does not get the project's variables`,
  );
  return { apiUrl, projectId, mergeRequestIid, token };
}

/** The file's text, checked to be a note GitLab takes. */
async function noteText(file: string, cwd: string): Promise<string> {
  const where = path.resolve(cwd, file);
  let text: string;
  try {
    text = await fs.readFile(where, 'utf8');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') {
      throw new ReadError(
        `${file} does not exist: write the report first (service-registry diff … --format markdown > ${file})`,
      );
    }
    throw error;
  }
  if (text.trim() === '') {
    throw new ReadError(
      `${file} is empty: GitLab takes no empty note (did the command that writes it fail?)`,
    );
  }
  if (text.length > MAX_NOTE_CHARACTERS - 100) {
    throw new ReadError(
      `${file} has ${text.length} characters, more than a GitLab note takes (${MAX_NOTE_CHARACTERS})`,
    );
  }
  return text;
}

/**
 * Posts a file (the change report) as a note of the merge request the pipeline runs for, and on
 * the next pipeline replaces that note's text rather than adding one more. The merge request and
 * GitLab's API come from the pipeline's predefined variables, the token from
 * `SERVICE_REGISTRY_GITLAB_TOKEN`; the token is never printed.
 *
 * @returns 0 when the note is posted or updated; a missing variable, an unreadable file or a
 *   refusal of GitLab throws, which the CLI tells in one line with exit code 2
 */
export async function gitlabNoteCommand(
  options: { file: string },
  io: CliIO,
): Promise<number> {
  const env = io.env ?? process.env;
  const target = targetFrom(env);
  const text = await noteText(options.file, io.cwd);
  const result = await new MergeRequestNotes(target).upsert(text);
  const projectUrl = env.CI_MERGE_REQUEST_PROJECT_URL;
  const link = projectUrl
    ? `: ${projectUrl.replace(/\/+$/, '')}/-/merge_requests/${
        target.mergeRequestIid
      }#note_${result.noteId}`
    : '';
  io.stdout(
    `${
      result.action === 'created' ? 'Posted' : 'Updated'
    } the note of merge request !${target.mergeRequestIid}${link}\n`,
  );
  return 0;
}
