import type { CliCommand, CliIo } from './command';
import { envHelp } from '../config/env';

/** Commands load lazily so that `concierge nlu` does not pay for the server's imports. */
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  start: { summary: 'start the HTTP server (embedded default unless DATABASE_URL/REDIS_URL are set)', load: async () => (await import('./commands/start')).startCommand },
  migrate: { summary: 'apply database migrations and exit', load: async () => (await import('./commands/migrate')).migrateCommand },
  keys: { summary: 'key management: `keys rotate-encryption [--new-key]`', load: async () => (await import('./commands/keys')).keysCommand },
};

/** Lets feature modules add their commands without touching the dispatcher's logic. */
export function registerCommand(name: string, summary: string, load: () => Promise<CliCommand>): void {
  commands[name] = { summary, load };
}

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: concierge <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Environment:',
    envHelp(),
    '',
  ].join('\n');
}

const defaultIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  await import('./command-registry');
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText());
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr.write(`concierge: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage ?? `concierge ${command.name}`}\n\n${command.summary}\n`);
    return 0;
  }
  return command.run(rest, io);
}
