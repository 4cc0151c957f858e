import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { flag, positional } from '../args';
import type { CliCommand, CliIo } from '../command';
import { createSystem, type System } from '../../compose';
import { loadEnv } from '../../config/env';
import type { RetrievalMode } from '../../core/ports/knowledge';
import { ensureDemoStore, seedDemoStore } from '../../demo-bootstrap';
import { evaluateMode, loadRetrievalSet, loadUnanswerable, thresholdSweep, type Searcher } from '../../knowledge/eval/evaluate';
import { formatOfFile } from '../../knowledge/index';

const usage = `concierge kb <command> [--store <storeId>]

  ingest <file|folder>   add Markdown, HTML, text and PDF files (a folder is read recursively);
                         a file ingested again replaces its passages
  sync                   re-index the store's products from its commerce backend
  search <question>      the top 5 passages, with scores  [--mode hybrid|lexical|vector] [--k N]
  reembed                rebuild every vector with the configured embeddings (after changing model)
  eval                   recall@1, recall@5 and MRR of lexical, vector and hybrid retrieval on the
                         evaluation set, over a fresh in-memory demo store  [--json] [--misses]

The store is the embedded demo store unless --store is given.`;

const VALUE_FLAGS = ['--store', '--mode', '--k'];

/** `concierge kb`: the knowledge base from the terminal. */
export const kbCommand: CliCommand = {
  name: 'kb',
  summary: 'knowledge base: ingest, sync, search, reembed, eval',
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'eval') return evaluate(rest, io);
    if (!sub || !['ingest', 'sync', 'search', 'reembed'].includes(sub)) {
      io.stderr.write(`${usage}\n`);
      return 2;
    }
    const env = loadEnv({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
    const system = await createSystem(env);
    try {
      const storeId = flag(rest, '--store') ?? (await ensureDemoStore(system, `http://${env.HOST}:${env.PORT}`))?.storeId;
      if (!storeId) {
        io.stderr.write('no store: pass --store <id> (there is no demo store in server mode)\n');
        return 2;
      }
      for (const notice of system.notices) io.stderr.write(`note: ${notice}\n`);
      if (sub === 'ingest') return await ingest(system, storeId, positional(rest, VALUE_FLAGS), io);
      if (sub === 'sync') {
        await system.syncCatalog(storeId);
        io.stdout.write(`products re-indexed for store ${storeId}\n`);
        return 0;
      }
      if (sub === 'reembed') {
        const count = await system.knowledge.reembed(storeId);
        io.stdout.write(`re-embedded ${count} passages with ${system.knowledge.embeddingModel}\n`);
        return 0;
      }
      const question = positional(rest, VALUE_FLAGS).join(' ');
      if (!question) {
        io.stderr.write('kb search <question>\n');
        return 2;
      }
      const hits = await system.knowledge.search(storeId, question, {
        mode: (flag(rest, '--mode') ?? 'hybrid') as RetrievalMode,
        k: Number(flag(rest, '--k') ?? 5),
      });
      for (const hit of hits)
        io.stdout.write(`${hit.score.toFixed(3)}  ${hit.titlePath.join(' › ')}  [${hit.source}]\n       ${hit.content.replaceAll('\n', ' ').slice(0, 160)}\n`);
      if (hits.length === 0) io.stdout.write('no passage found\n');
      return 0;
    } finally {
      await system.close();
    }
  },
};

async function ingest(system: System, storeId: string, paths: string[], io: CliIo): Promise<number> {
  if (paths.length === 0) {
    io.stderr.write('kb ingest <file|folder> ...\n');
    return 2;
  }
  let failed = 0;
  for (const root of paths.map((path) => resolve(path))) {
    const files = statSync(root).isDirectory() ? walk(root) : [root];
    for (const file of files) {
      const format = formatOfFile(file);
      if (!format) continue;
      const source = statSync(root).isDirectory() ? relative(root, file) : basename(file);
      try {
        const bytes = readFileSync(file);
        const { document, outcome } = await system.knowledge.ingest(storeId, {
          format,
          source,
          content: format === 'pdf' ? new Uint8Array(bytes) : bytes.toString('utf8'),
        });
        io.stdout.write(`${outcome.padEnd(9)} ${source}  "${document.title}"  ${document.chunkCount} passages, ${document.tokenCount} tokens\n`);
      } catch (error) {
        failed += 1;
        io.stderr.write(`failed    ${source}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

async function evaluate(args: string[], io: CliIo): Promise<number> {
  // A fresh in-memory demo store: the figures do not depend on what a data folder holds.
  // Throwaway keys: an in-memory store needs none that outlive it (and nothing is written to disk).
  const env = loadEnv({
    ...process.env,
    CONCIERGE_DATA_DIR: 'memory://',
    DATABASE_URL: '',
    REDIS_URL: '',
    LOG_LEVEL: 'silent',
    CONCIERGE_ADMIN_TOKEN: `adm_${randomBytes(24).toString('base64url')}`,
    CONCIERGE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  const system = await createSystem(env);
  try {
    const { store } = await seedDemoStore(system);
    const search: Searcher = (query, mode) =>
      system.knowledge.search(store.id, query, mode === 'hybrid-no-rerank' ? { mode: 'hybrid', rerank: false, k: 5 } : { mode, k: 5 });
    const cases = loadRetrievalSet();
    const results: Record<string, Awaited<ReturnType<typeof evaluateMode>>> = {};
    for (const mode of ['lexical', 'vector', 'hybrid-no-rerank', 'hybrid'] as const) results[mode] = await evaluateMode(cases, search, mode);
    const sweep = await thresholdSweep(cases, loadUnanswerable(), search, [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]);
    if (args.includes('--json')) {
      io.stdout.write(
        `${JSON.stringify({ questions: cases.length, modes: Object.fromEntries(Object.entries(results).map(([mode, { misses: _m, ...metrics }]) => [mode, metrics])), thresholds: sweep })}\n`,
      );
      return 0;
    }
    io.stdout.write(
      `retrieval on the demo store's knowledge base: ${cases.length} questions (${system.knowledge.embeddingModel}, ${system.knowledge.vectorBackend})\n\n`,
    );
    io.stdout.write(`mode               recall@1  recall@5  MRR\n`);
    for (const [mode, metrics] of Object.entries(results))
      io.stdout.write(
        `${mode.padEnd(18)} ${metrics.recallAt1.toFixed(3).padStart(8)}  ${metrics.recallAt5.toFixed(3).padStart(8)}  ${metrics.mrr.toFixed(3)}\n`,
      );
    io.stdout.write(`\nrelevance threshold: answerable answered right / answered wrong / unanswerable answered\n`);
    for (const row of sweep)
      io.stdout.write(
        `  ${row.threshold.toFixed(2)}  ${row.answeredCorrectly.toFixed(3)} / ${row.answeredWrongly.toFixed(3)} / ${row.unanswerableAnswered.toFixed(3)}\n`,
      );
    if (args.includes('--misses')) {
      io.stdout.write('\nhybrid misses (not in the top 5):\n');
      for (const miss of results.hybrid!.misses) io.stdout.write(`  ${miss.q}  → ${miss.got ?? 'nothing'}\n`);
    }
    return 0;
  } finally {
    await system.close();
  }
}
