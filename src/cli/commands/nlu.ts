import { createInterface } from 'node:readline';
import type { CliCommand, CliIo } from '../command';
import { createOfflineNlu } from '../../nlu/index';
import { lexiconBaselines } from '../../nlu/baselines';
import { loadHeldOut, loadPublicStyle, loadWrittenCorpus } from '../../nlu/corpus';
import { evaluate, type EvaluationReport } from '../../nlu/evaluate';

const usage = `concierge nlu            JSON Lines on stdin ({"id", "text"}) → one analysis per line on stdout, in order
concierge nlu eval [--json]   per-intent precision/recall/F1, macro-F1, route accuracy, confusions and
                              sentiment (ours vs AFINN vs VADER) on the held-out split, on the public-style
                              split (never trained on either) and on the hard cases`;

async function stream(io: CliIo): Promise<number> {
  const nlu = createOfflineNlu();
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let bad = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const input = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = input && typeof input === 'object' ? (input.id ?? null) : null;
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error('each line must be a JSON object {"id", "text"}');
      if (typeof input.text !== 'string') throw new Error('"text" must be a string');
      const { intent, route, confidence, sentiment, sentimentScore, frustration, subIntents, entities, language } = nlu.analyze(input.text);
      io.stdout.write(`${JSON.stringify({ id, intent, route, confidence, sentiment, sentimentScore, frustration, subIntents, entities, language })}\n`);
    } catch (error) {
      bad += 1;
      const message = error instanceof SyntaxError ? `line ${lineNumber} is not valid JSON` : (error as Error).message;
      io.stderr.write(`concierge nlu: line ${lineNumber}: ${message}\n`);
      io.stdout.write(`${JSON.stringify({ id, error: message })}\n`);
    }
  }
  return bad > 0 ? 1 : 0;
}

function printReport(io: CliIo, title: string, report: EvaluationReport) {
  const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
  io.stdout.write(`\n${title} (${report.examples} examples)\n`);
  io.stdout.write(`${'intent'.padEnd(20)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)}  n\n`);
  for (const c of report.intent.perClass.filter((c) => c.support > 0)) io.stdout.write(`${c.label.padEnd(20)} ${pct(c.precision)}% ${pct(c.recall)}% ${pct(c.f1)}%  ${c.support}\n`);
  io.stdout.write(`intent macro-F1 ${pct(report.intent.macroF1)}%   accuracy ${pct(report.intent.accuracy)}%   route accuracy ${pct(report.routeAccuracy)}%\n`);
  if (report.intent.confusions.length > 0) {
    io.stdout.write('confusions (expected → predicted × n):\n');
    for (const c of report.intent.confusions) io.stdout.write(`  ${c.expected} → ${c.predicted} × ${c.count}\n`);
  }
  io.stdout.write('sentiment:            macro-F1  accuracy\n');
  for (const [name, s] of Object.entries(report.sentiment)) io.stdout.write(`  ${name.padEnd(18)} ${pct(s.macroF1)}%   ${pct(s.accuracy)}%\n`);
}

/** `concierge nlu`: the streaming JSON Lines contract of nlu-contract.md, and `nlu eval`. */
export const nluCommand: CliCommand = {
  name: 'nlu',
  summary: 'offline NLU over JSON Lines; `nlu eval` scores the held-out split',
  usage,
  async run(args, io) {
    if (args[0] !== 'eval') return stream(io);
    const nlu = createOfflineNlu();
    const baselines = lexiconBaselines();
    const heldOut = evaluate(nlu, loadHeldOut(), baselines);
    const publicStyle = evaluate(nlu, loadPublicStyle(), baselines);
    const hard = loadWrittenCorpus().filter((e) => e.source === 'hard');
    const hardReport = hard.length > 0 ? evaluate(nlu, hard, baselines) : undefined;
    if (args.includes('--json')) {
      io.stdout.write(`${JSON.stringify({ heldOut, publicStyle, hardCases: hardReport ?? null })}\n`);
      return 0;
    }
    printReport(io, 'Held-out split', heldOut);
    printReport(io, 'Public-style split (Bitext-like requests, support tweets, chats, e-mails)', publicStyle);
    if (hardReport) printReport(io, 'Hard cases (trained on; a regression check)', hardReport);
    return 0;
  },
};
