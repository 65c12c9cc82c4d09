import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { SeededDraws, seededDraws } from '@service-registry/test-support';
import { setServiceFields } from './setServiceFields';
import { TomlEditValue } from './renderToml';

/**
 * Generated dependency lists (one line, one entry per line or several, with or without a trailing
 * comma, comments, strings in both quotes and inline tables, CRLF, in a table or in a service
 * written as one inline table) edited towards generated lists: the
 * result must load with exactly the wanted entries, keep every byte outside the list, and keep
 * the text of each entry that stays.
 */

const RUNS = 300;

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const RANGES = [undefined, '^1.0', '>=2.0.0', '~3'];

interface Entry {
  service: string;
  range?: string;
}

const says = (e: Entry) =>
  e.range === undefined ? e.service : `${e.service}@${e.range}`;

function writeEntry(e: Entry, r: SeededDraws): string {
  const q = r.chance(0.3) ? "'" : '"';
  if (r.chance(0.4)) {
    const pad = r.chance(0.5) ? ' ' : '';
    const version =
      e.range === undefined ? '' : `, version = ${q}${e.range}${q}`;
    return `{${pad}service = ${q}${e.service}${q}${version}${pad}}`;
  }
  return `${q}${says(e)}${q}`;
}

function generate(seed: number) {
  const r = seededDraws(seed);
  const shuffled = [...IDS].sort(() => r.int(3) - 1);
  const written: Entry[] = shuffled
    .slice(0, r.int(5))
    .map(service => ({ service, range: r.pick(RANGES) }));
  const texts = written.map(e => writeEntry(e, r));
  const eol = r.chance(0.2) ? '\r\n' : '\n';
  let array: string;
  if (r.chance(0.2) && texts.length > 2) {
    // wrapped: several entries a line
    const cutAt = 1 + r.int(texts.length - 1);
    array = `[${eol}  ${texts.slice(0, cutAt).join(', ')},${eol}  ${texts
      .slice(cutAt)
      .join(', ')}${r.chance(0.5) ? ',' : ''}${eol}]`;
  } else if (r.chance(0.5) && texts.length > 0) {
    const trailing = r.chance(0.5);
    const lines = texts.map((t, i) => {
      const comma = i < texts.length - 1 || trailing ? ',' : '';
      const comment = r.chance(0.3) ? ` # about ${written[i].service}` : '';
      const above = r.chance(0.15) ? `  # note${eol}` : '';
      return `${above}  ${t}${comma}${comment}${eol}`;
    });
    array = `[${eol}${lines.join('')}]`;
  } else {
    const pad = r.chance(0.3) ? ' ' : '';
    array = `[${pad}${texts.join(', ')}${pad}]`;
  }
  const others = IDS.filter(id => !written.some(e => e.service === id));
  // the wanted list: some entries stay (perhaps with another range), some go, some are added
  const wanted: Entry[] = [];
  for (const e of written) {
    if (r.chance(0.3)) continue;
    wanted.push(r.chance(0.2) ? { ...e, range: r.pick(RANGES) } : e);
  }
  for (const id of others) {
    if (r.chance(0.25)) wanted.push({ service: id, range: r.pick(RANGES) });
  }
  if (r.chance(0.1)) wanted.reverse();
  const inline = r.chance(0.3);
  const head = inline
    ? `# generated ${seed}${eol}[service]${eol}api = { version = "1.0.0", dependencies = { optional = ["x"], requires = `
    : `# generated ${seed}${eol}[service.api]${eol}version = "1.0.0"${eol}${eol}[service.api.dependencies]${eol}requires = `;
  const tail = inline
    ? ` }, port = 0x1F90 } # inline${eol}x = { version = "1.0.0" }${eol}`
    : `${eol}optional = ["x"]${eol}${eol}[service.x]${eol}version = "1.0.0"${eol}`;
  return { head, array, tail, written, texts, wanted, eol };
}

/** Records a failed expectation of one generated case, with the texts before and after. */
function recorder(
  failures: string[],
  seed: number,
  text: string,
  result: string,
) {
  return (ok: boolean, what: string) => {
    if (!ok) {
      failures.push(
        `seed ${seed}: ${what}\n${JSON.stringify(text)}\n${JSON.stringify(
          result,
        )}`,
      );
    }
  };
}

describe('setServiceFields on generated dependency lists', () => {
  it(`edits ${RUNS} generated lists entry by entry`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const { head, array, tail, written, texts, wanted, eol } = generate(seed);
      const text = head + array + tail;
      const result = setServiceFields(text, 'api', {
        dependencies: { requires: wanted.map(says) },
      });
      const check = recorder(failures, seed, text, result);
      check(
        result.startsWith(head) && result.endsWith(tail),
        'changed more than the list',
      );
      const registry = loadRegistry([
        { path: 'services/catalog.toml', text: result },
      ]);
      const loaded = registry.services
        .get('api')
        ?.dependencies.requires.map(says);
      check(
        JSON.stringify(loaded) === JSON.stringify(wanted.map(says)),
        `loads as ${JSON.stringify(loaded)}`,
      );
      const edited = result.slice(head.length, result.length - tail.length);
      written.forEach((e, i) => {
        if (wanted.some(w => says(w) === says(e))) {
          check(edited.includes(texts[i]), `${texts[i]} was not kept`);
        }
      });
      if (!array.includes(eol)) {
        check(!edited.includes('\n'), 'a one-line list got several lines');
      }
      if (wanted.length === 0 && written.length > 0) {
        check(edited === '[]', 'a list left empty is not written []');
      }
      if (eol === '\r\n')
        check(!/[^\r]\n/.test(result), 'a line break is not CRLF');
    }
    expect(failures).toEqual([]);
  });
});

const TAGS = [
  'pci',
  'payments',
  "it's",
  'say "hi"',
  'back\\slash',
  'café',
  '🚀',
  'v1',
];

/** A tag as a file may write it: a basic string, or a literal string when it can be one. */
function writeTag(tag: string, r: SeededDraws): string {
  if (r.chance(0.4) && !tag.includes("'")) return `'${tag}'`;
  return JSON.stringify(tag);
}

describe('setServiceFields on generated tag and approver lists', () => {
  it(`edits ${RUNS} generated lists element by element`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = seededDraws(seed);
      const eol = r.chance(0.2) ? '\r\n' : '\n';
      const written = [...TAGS].sort(() => r.int(3) - 1).slice(0, r.int(5));
      const texts = written.map(t => writeTag(t, r));
      let array: string;
      if (r.chance(0.5) && texts.length > 0) {
        const trailing = r.chance(0.5);
        array = `[${eol}${texts
          .map((t, i) => {
            const comma = i < texts.length - 1 || trailing ? ',' : '';
            const comment = r.chance(0.3) ? ` # note ${i}` : '';
            return `  ${t}${comma}${comment}${eol}`;
          })
          .join('')}]`;
      } else array = `[${texts.join(', ')}]`;
      const wanted = written.filter(() => r.chance(0.7));
      for (const tag of TAGS) {
        if (!written.includes(tag) && r.chance(0.2)) wanted.push(tag);
      }
      const approvers = r.chance(0.5);
      const head = approvers
        ? `[service.api]${eol}version = "1.0.0"${eol}${eol}[service.api.governance]${eol}approvers = `
        : `[service.api]${eol}tags = `;
      const tail = `${eol}port = 80${eol}${eol}[service.x]${eol}tags = ["x"]${eol}`;
      const text = head + array + tail;
      const patch: { [key: string]: TomlEditValue } = approvers
        ? { governance: { approvers: wanted } }
        : { tags: wanted };
      let result: string;
      try {
        result = setServiceFields(text, 'api', patch);
      } catch (error) {
        failures.push(`seed ${seed}: ${(error as Error).message}`);
        continue;
      }
      const check = recorder(failures, seed, text, result);
      check(
        result.startsWith(head) && result.endsWith(tail),
        'changed more than the list',
      );
      const registry = loadRegistry([
        { path: 'services/catalog.toml', text: result },
      ]);
      const service = registry.services.get('api');
      check(
        JSON.stringify(
          approvers ? service?.governance?.approvers : service?.tags,
        ) === JSON.stringify(wanted),
        'does not load as the wanted list',
      );
      const edited = result.slice(head.length, result.length - tail.length);
      written.forEach((tag, i) => {
        if (wanted.includes(tag)) {
          check(edited.includes(texts[i]), `${texts[i]} was not kept`);
        }
      });
      if (!array.includes(eol)) {
        check(!edited.includes('\n'), 'a one-line list got several lines');
      }
    }
    expect(failures).toEqual([]);
  });
});
