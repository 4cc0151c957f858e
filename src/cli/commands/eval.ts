import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { flag, positional } from '../args';
import type { CliCommand } from '../command';
import { loadEnv } from '../../config/env';
import { createSystem } from '../../compose';
import { generateKey } from '../../data/secrets/keyring';
import { seedDemoStore } from '../../demo-bootstrap';
import { loadScenarios, reportScenario, runScenarios, ScenarioFileError, serviceDriver, summary } from '../../agent/scenarios/index';

const usage = `concierge eval scenarios <file-or-folder> [--store <storeId>] [--only <text>] [--quiet]

Plays conversations written as YAML (docs/scenarios.md) against the agent, in process, and reports
each scenario PASS or FAIL with the whole conversation for a failure. Exit code 0 when every one
passes, 1 when one fails, 2 for a malformed file.
  (default)  on a fresh demo store in memory (orders #1001–#1300), nothing written to disk
  --store    on a store of the configured database (DATABASE_URL or the embedded default):
             conversations and any actions they take are real there
  --only     run only the scenarios whose name or file contains the text
  --quiet    print failures and the summary only`;

/** `concierge eval scenarios`: the scenario suite as a product feature. */
export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'play YAML conversation scenarios against the agent and report',
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    const path = positional(rest, ['--store', '--only'])[0];
    if (sub !== 'scenarios' || !path) {
      io.stderr.write(`${usage}\n`);
      return 2;
    }
    if (!existsSync(path)) {
      io.stderr.write(`no such file or folder: ${path}\n`);
      return 2;
    }
    let scenarios;
    try {
      scenarios = loadScenarios(path);
    } catch (error) {
      if (error instanceof ScenarioFileError) {
        io.stderr.write(`${error.message}\n`);
        return 2;
      }
      throw error;
    }
    const only = flag(rest, '--only');
    if (only) scenarios = scenarios.filter((s) => s.name.includes(only) || s.file.includes(only));
    const quiet = rest.includes('--quiet');
    const storeFlag = flag(rest, '--store');
    const env = storeFlag
      ? loadEnv({ ...process.env, LOG_LEVEL: 'silent' })
      : loadEnv({ CONCIERGE_DATA_DIR: 'memory://', CONCIERGE_ENCRYPTION_KEY: generateKey(), CONCIERGE_ADMIN_TOKEN: `eval_${randomBytes(24).toString('hex')}`, LOG_LEVEL: 'silent' });
    const system = await createSystem(env);
    try {
      const storeId = storeFlag ?? (await seedDemoStore(system)).store.id;
      const results = await runScenarios(serviceDriver(system.agent.conversations, storeId), scenarios, (result) => {
        if (!quiet || !result.passed) io.stdout.write(`${reportScenario(result)}\n`);
      });
      const total = summary(results);
      io.stdout.write(`\n${total.line}\n`);
      return total.failed === 0 ? 0 : 1;
    } finally {
      await system.close();
    }
  },
};
