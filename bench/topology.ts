/*
 * Benchmark of the service topology page against Backstage's CatalogGraphPage.
 *
 *   ./portal exec node --require @backstage/cli/config/nodeTransform.cjs bench/topology.ts \
 *     [--nodes 2000] [--edges 6000] [--runs 3] [--baseline-runs 1] [--timeout 120]
 *
 * Bundles bench/topology/harness.tsx (production build, esbuild) with both pages rendering the
 * same synthetic registry from mocked APIs, serves it, and drives headless Chromium
 * (/usr/bin/chromium or CHROMIUM_PATH) with playwright-core. For each page it measures the time
 * to interactive: from navigation start until the whole graph is drawn (ours: the canvas has
 * drawn a frame with every node; CatalogGraphPage: every node and edge is in the SVG), plus the
 * time a click on the graph takes until the next frame is painted. Runs are interleaved; medians
 * and the ratio are printed. A baseline that does not finish within --timeout counts as the
 * timeout (so the ratio is a lower bound, and it says so).
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, Page } from 'playwright-core';
import { numberArg } from './lib/args';

const nodes = numberArg('nodes', 2000);
const edges = numberArg('edges', 6000);
const runs = numberArg('runs', 3);
const baselineRuns = numberArg('baseline-runs', 1);
const timeoutMs = numberArg('timeout', 120) * 1000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function bundle(outdir: string) {
  const started = performance.now();
  await build({
    entryPoints: [path.join(__dirname, 'topology', 'harness.tsx')],
    outdir,
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'window',
    },
    banner: { js: 'var process = { env: { NODE_ENV: "production" } };' },
    loader: {
      '.svg': 'dataurl',
      '.png': 'dataurl',
      '.woff': 'dataurl',
      '.woff2': 'dataurl',
    },
    logLevel: 'error',
  });
  fs.writeFileSync(
    path.join(outdir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>${
      fs.existsSync(path.join(outdir, 'harness.css'))
        ? '<link rel="stylesheet" href="/harness.css">'
        : ''
    }</head><body><div id="root"></div><script type="module" src="/harness.js"></script></body></html>`,
  );
  return performance.now() - started;
}

function serve(dir: string): Promise<http.Server> {
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.html': 'text/html',
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.join(dir, path.normalize(url.pathname));
    if (
      file.startsWith(dir) &&
      fs.existsSync(file) &&
      fs.statSync(file).isFile()
    ) {
      res.writeHead(200, {
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      });
      fs.createReadStream(file).pipe(res);
    } else {
      // the single-page app: every route gets index.html
      res.writeHead(200, { 'content-type': 'text/html' });
      fs.createReadStream(path.join(dir, 'index.html')).pipe(res);
    }
  });
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve(server)),
  );
}

/** Rejects after `ms`, measured in Node: an in-page timeout never fires while the page is blocked. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${ms} ms`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

interface Measurement {
  ready: number;
  click: number;
  tti: number;
  timedOut: boolean;
}

/** Installs a capture listener that times a click until the next painted frame. */
async function armClickTimer(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __click?: number };
    document.addEventListener(
      'pointerdown',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() =>
          setTimeout(() => {
            w.__click = performance.now() - t0;
          }, 0),
        );
      },
      { capture: true, once: true },
    );
  });
}

async function measure(
  page: Page,
  url: string,
  kind: 'topology' | 'catalog-graph',
): Promise<Measurement> {
  page.on('pageerror', error =>
    console.error(`  ${kind}: page error: ${error.message}`),
  );
  page.on('console', message => {
    if (message.type() === 'error') {
      console.error(
        `  ${kind}: console error: ${message.text().slice(0, 300)}`,
      );
    }
  });
  await page.goto(url, { waitUntil: 'commit' });
  let ready: number;
  try {
    const handle = await withTimeout(
      kind === 'topology'
        ? page.waitForFunction(
            n => {
              const c = document.querySelector<HTMLCanvasElement>(
                '[data-testid="topology-canvas"]',
              );
              return c &&
                Number(c.dataset.frames) >= 1 &&
                Number(c.dataset.nodes) === n
                ? performance.now()
                : false;
            },
            nodes,
            { polling: 'raf', timeout: timeoutMs },
          )
        : page.waitForFunction(
            ([n, e]) =>
              document.querySelectorAll('[data-testid="node"]').length >= n &&
              document.querySelectorAll('[data-testid="edge"]').length >= e
                ? performance.now()
                : false,
            [nodes, edges],
            { polling: 1000, timeout: timeoutMs },
          ),
      timeoutMs,
    );
    ready = (await handle.jsonValue()) as number;
  } catch (error) {
    console.error(`  ${kind}: ${String(error).split('\n')[0]}`);
    return { ready: timeoutMs, click: 0, tti: timeoutMs, timedOut: true };
  }
  // a real click on a node: ours centres the node the keyboard focuses (ArrowRight), so the middle
  // of the drawing is a node; for CatalogGraphPage, the first node inside the viewport
  let point: { x: number; y: number };
  if (kind === 'topology') {
    const surface = page.locator('[data-testid="topology-canvas"]');
    await surface.focus();
    await page.keyboard.press('ArrowRight');
    const box = (await surface.boundingBox())!;
    point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  } else {
    point = await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-testid="node"]')) {
        const r = el.getBoundingClientRect();
        if (
          r.width > 0 &&
          r.left >= 0 &&
          r.top >= 0 &&
          r.right <= innerWidth &&
          r.bottom <= innerHeight
        ) {
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return { x: innerWidth / 2, y: innerHeight / 2 };
    });
  }
  await armClickTimer(page);
  await page.mouse.click(point.x, point.y);
  const click = (await (
    await page.waitForFunction(
      () => (window as unknown as { __click?: number }).__click ?? false,
      undefined,
      {
        timeout: timeoutMs,
      },
    )
  ).jsonValue()) as number;
  return { ready, click, tti: ready + click, timedOut: false };
}

async function main() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-bench-'));
  const buildMs = await bundle(outdir);
  const server = await serve(outdir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log(
    `topology benchmark: ${nodes} services, ${edges} dependencies; bundle built in ${Math.round(
      buildMs,
    )} ms`,
  );
  // every page load gets its own browser: a baseline stuck in layout cannot slow the next run,
  // and closing the browser (not the page) works even while its renderer is busy
  const run = async (kind: 'topology' | 'catalog-graph') => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
      ],
    });
    try {
      const page = await browser.newPage({
        viewport: { width: 1600, height: 1000 },
      });
      return await measure(
        page,
        `${base}/${kind}?nodes=${nodes}&edges=${edges}`,
        kind,
      );
    } finally {
      await browser.close();
    }
  };
  const ours: Measurement[] = [];
  const baseline: Measurement[] = [];
  try {
    for (let i = 0; i < Math.max(runs, baselineRuns); i++) {
      if (i < runs) {
        const m = await run('topology');
        ours.push(m);
        console.log(
          `  run ${i + 1} ServiceRegistryTopologyPage: drawn ${m.ready.toFixed(
            0,
          )} ms, click→frame ${m.click.toFixed(
            0,
          )} ms, interactive ${m.tti.toFixed(0)} ms`,
        );
      }
      if (i < baselineRuns) {
        const m = await run('catalog-graph');
        baseline.push(m);
        console.log(
          m.timedOut
            ? `  run ${i + 1} CatalogGraphPage: not drawn within ${
                timeoutMs / 1000
              } s`
            : `  run ${i + 1} CatalogGraphPage: drawn ${m.ready.toFixed(
                0,
              )} ms, click→frame ${m.click.toFixed(
                0,
              )} ms, interactive ${m.tti.toFixed(0)} ms`,
        );
      }
    }
  } finally {
    server.close();
    if (!process.env.KEEP_BENCH)
      fs.rmSync(outdir, { recursive: true, force: true });
  }
  const oursTti = median(ours.map(m => m.tti));
  const baseTti = median(baseline.map(m => m.tti));
  const timedOut = baseline.some(m => m.timedOut);
  console.log('');
  console.log(`| page | time to interactive (median) |`);
  console.log(`| --- | --- |`);
  console.log(
    `| ServiceRegistryTopologyPage | ${oursTti.toFixed(0)} ms (${runs} runs) |`,
  );
  console.log(
    `| CatalogGraphPage (baseline) | ${timedOut ? '> ' : ''}${baseTti.toFixed(
      0,
    )} ms (${baselineRuns} runs) |`,
  );
  console.log('');
  console.log(
    `ratio: ${timedOut ? 'at least ' : ''}${(baseTti / oursTti).toFixed(
      1,
    )}× faster than CatalogGraphPage; target ≤ 2000 ms: ${
      oursTti <= 2000 ? 'met' : 'NOT met'
    }`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
