import { writeFileSync } from 'node:fs';
import { loadWrittenCorpus, loadHeldOut, loadPublicStyle } from '/work/wt/hf/src/nlu/corpus.ts';
import { loadBlindSet } from '/work/wt/hf/src/nlu/blind/blind-set.ts';
import { loadSentenceEncoder } from '/work/wt/hf/src/text/sentence-encoder.ts';
const t0 = performance.now();
const enc = await loadSentenceEncoder();
console.error('load ms', performance.now() - t0);
const sets: Record<string, { text: string; intent: string }[]> = {
  dev: loadBlindSet('/work/eval-blind/dev').intents,
  heldout: loadHeldOut(),
  public: loadPublicStyle(),
  written: loadWrittenCorpus(),
};
for (const [name, rows] of Object.entries(sets)) {
  const t = performance.now();
  const out = new Float32Array(rows.length * 512);
  const order = rows.map((_, i) => i).sort((a, b) => rows[a]!.text.length - rows[b]!.text.length);
  for (let i = 0; i < order.length; i += 32) {
    const ids = order.slice(i, i + 32);
    const e = enc.embedSync(ids.map((k) => rows[k]!.text));
    e.forEach((v, j) => out.set(v, ids[j]! * 512));
  }
  writeFileSync(`/tmp/hf/emb/${name}.bin`, Buffer.from(out.buffer));
  writeFileSync(`/tmp/hf/emb/${name}.json`, JSON.stringify(rows.map((r) => ({ text: r.text, intent: r.intent }))));
  console.error(name, rows.length, ((performance.now() - t) / rows.length).toFixed(2), 'ms/sent');
}
