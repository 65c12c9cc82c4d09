import type { RegistryFileInput } from '../../plugins/service-registry-common/src/model/types';

/**
 * The head of a diff of a synthetic registry (`generateRegistry`): a few edits of the kind a pull
 * request makes (a global service renamed, another's major version bumped, a port changed, the
 * last service of project-0 removed).
 *
 * @param files - the registry's files
 * @param perProject - how many services each project has
 */
export function withChanges(
  files: Map<string, string>,
  perProject: number,
): RegistryFileInput[] {
  const head = new Map(files);
  const catalog = head.get('services/catalog.toml')!;
  head.set(
    'services/catalog.toml',
    catalog
      .replace(
        '[service.global-5]\nname = "Global service 5"',
        '[service.global-5]\nname = "Global service 5 v2"',
      )
      .replace(
        /(\[service\.global-7\][^[]*?version = ")(\d+)/,
        (_, head_: string, major: string) => `${head_}${Number(major) + 1}`,
      )
      .replace('port = 8010', 'port = 9010'),
  );
  const project = head.get('projects/project-0/services.toml')!;
  const cut = project.indexOf(`[service.p0-svc-${perProject - 1}]`);
  head.set('projects/project-0/services.toml', project.slice(0, cut));
  return [...head].map(([path, text]) => ({ path, text }));
}
