import { UsageError } from '../lib/errors';
import { CliIO } from '../lib/io';
import {
  MAX_NOTE_CHARACTERS,
  MergeRequestNotes,
  MergeRequestTarget,
} from '../lib/gitlabNotes';
import { apiUrlVariable, requiredVariable } from '../lib/ciVariables';
import { readReportFile } from '../lib/reportFile';

/** The CI/CD variable that holds the token the note is posted with. */
const GITLAB_TOKEN_VARIABLE = 'SERVICE_REGISTRY_GITLAB_TOKEN';

/** Where the note goes, from GitLab's predefined variables and the token's variable. */
function targetFrom(env: NodeJS.ProcessEnv): MergeRequestTarget {
  const inMergeRequest =
    'gitlab-note runs in a merge request pipeline, which GitLab gives it (a job with rules: - if: $CI_PIPELINE_SOURCE == "merge_request_event")';
  const apiUrl = apiUrlVariable(
    'CI_API_V4_URL',
    requiredVariable(env, 'CI_API_V4_URL', inMergeRequest),
    'https://gitlab.example.com/api/v4',
  );
  const mergeRequestIid = requiredVariable(
    env,
    'CI_MERGE_REQUEST_IID',
    inMergeRequest,
  );
  if (!/^[1-9]\d*$/.test(mergeRequestIid)) {
    throw new UsageError(
      `CI_MERGE_REQUEST_IID must be a merge request's number, got ${mergeRequestIid}`,
    );
  }
  // the merge request's own project: for a merge request from a fork, CI_PROJECT_ID is the fork
  const projectId = requiredVariable(
    env,
    'CI_MERGE_REQUEST_PROJECT_ID',
    inMergeRequest,
    'CI_PROJECT_ID',
  );
  const token = requiredVariable(
    env,
    GITLAB_TOKEN_VARIABLE,
    `add a masked CI/CD variable ${GITLAB_TOKEN_VARIABLE} with a project access token (Reporter role, api scope); a pipeline of a merge request from a fork does not get the project's variables`,
  );
  return { apiUrl, projectId, mergeRequestIid, token };
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
  const text = await readReportFile(options.file, io.cwd, {
    maxCharacters: MAX_NOTE_CHARACTERS,
    host: 'GitLab',
    what: 'note',
  });
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
