import { CliIO } from '../lib/io';
import { mergeRequestTargetFrom } from '../lib/gitlabMergeRequest';
import { MAX_NOTE_CHARACTERS, MergeRequestNotes } from '../lib/gitlabNotes';
import { readReportFile } from '../lib/reportFile';

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
  const target = mergeRequestTargetFrom(env, 'gitlab-note');
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
