// The log capture's check (issue 13): every JSON line the test suite's servers wrote must be free of
// e-mails, phones, street addresses, tracking numbers, secrets and the message texts the tests sent.
// Its patterns are written apart from the server's scrubber (src/gateway/logging/scrub-text.ts) so a
// gap in one is not hidden by the same gap in the other.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const STREET = '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Crescent|Close)';

/** [what, pattern, accept?]: a match is a finding unless `accept` says the match is harmless. */
export const DETECTORS = [
  ['e-mail', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/],
  ['street address', new RegExp(`\\b\\d{1,6}\\s+(?:[A-Z][a-z'-]+\\s+){1,3}${STREET}\\b`)],
  ['tracking number', /\b(?:1Z[0-9A-Z]{16}|9[2-5]\d{18,24}|JD\d{16,20}|[A-Z]{2}\d{9}[A-Z]{2}|7023\d{12})\b/],
  [
    'phone',
    /(?<![\w.\-/:])\+?\(?\d[\d ().-]{7,}\d(?![\w-])/g,
    (match) => (match.match(/\d/g) ?? []).length < 9 || /^\d+\.\d+$/.test(match) || /^\d{4}-\d{2}-\d{2}/.test(match),
  ],
  ['secret', /\b(?:sk|pk|ct|adm|ort|inv)_[A-Za-z0-9_-]{12,}|\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}|Bearer [A-Za-z0-9._~+/-]{12,}/],
];

// Recorded texts are at least this long; they are found through their first characters.
const PREFIX = 12;

function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      out.push(key);
      strings(inner, out);
    }
  }
  return out;
}

function findIn(text, known) {
  for (const [what, pattern, accept] of DETECTORS) {
    const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    for (const match of text.matchAll(global)) if (!accept?.(match[0])) return `${what} "${match[0]}"`;
  }
  for (let i = 0; i + PREFIX <= text.length; i += 1) {
    for (const { kind, value } of known.get(text.slice(i, i + PREFIX)) ?? []) {
      if (text.startsWith(value, i)) return `${kind} sent by a test "${value.slice(0, 40)}"`;
    }
  }
  return null;
}

/**
 * Scans `<dir>/*.log.jsonl` (one per test process) against the patterns and the texts and secrets
 * the tests recorded in `<dir>/*.sent.jsonl`. Returns the findings (file, line number, what, line).
 */
export function scanLogs(dir) {
  const files = readdirSync(dir);
  const known = new Map();
  for (const name of files.filter((f) => f.endsWith('.sent.jsonl'))) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line);
      if (entry.value.length < PREFIX) continue;
      const prefix = entry.value.slice(0, PREFIX);
      if (!known.has(prefix)) known.set(prefix, []);
      known.get(prefix).push(entry);
    }
  }
  const findings = [];
  let lines = 0;
  for (const name of files.filter((f) => f.endsWith('.log.jsonl')).sort()) {
    const content = readFileSync(join(dir, name), 'utf8').split('\n');
    content.forEach((line, index) => {
      if (!line) return;
      lines += 1;
      let values;
      try {
        values = strings(JSON.parse(line));
      } catch {
        values = [line];
      }
      for (const value of values) {
        const what = findIn(value, known);
        if (what) return void findings.push({ file: name, line: index + 1, what, text: line.slice(0, 400) });
      }
    });
  }
  return { lines, files: files.filter((f) => f.endsWith('.log.jsonl')).length, findings };
}
