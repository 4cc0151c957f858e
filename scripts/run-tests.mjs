// Runs every *.test.ts under src/ and test/ with node:test (Node 20 has no glob for --test), with
// the log capture on: each test process's servers write their logs into one folder, scanned once
// every test has finished (scripts/log-scan.mjs); a finding fails the run, naming the line.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { scanLogs } from './log-scan.mjs';

function collect(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
const files = ['src', 'test']
  .flatMap((dir) => collect(dir))
  .filter((file) => filter.length === 0 || filter.some((f) => file.includes(f)))
  .sort();
const logDir = mkdtempSync(join(tmpdir(), 'concierge-test-logs-'));
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', CONCIERGE_TEST_LOG_DIR: logDir } },
);

const scan = scanLogs(logDir);
if (scan.findings.length > 0) {
  console.error(`\nlog capture: ${scan.findings.length} log line(s) hold personal data or secrets (logs kept in ${logDir}):`);
  for (const f of scan.findings.slice(0, 20)) console.error(`  ${f.file}:${f.line} ${f.what}\n    ${f.text}`);
  process.exit(1);
}
console.log(`\nlog capture: ${scan.lines} log lines from ${scan.files} test processes, no personal data or secrets found`);
rmSync(logDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
