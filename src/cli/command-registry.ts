// Feature commands register here, one line each, so the dispatcher stays closed to edits.
import { registerCommand } from './main';

registerCommand('nlu', 'offline NLU: JSON Lines in → analysis out; `nlu eval` scores the held-out split', async () => (await import('./commands/nlu')).nluCommand);
registerCommand('chat', 'talk to the agent in the terminal (embedded default, demo store)', async () => (await import('./commands/chat')).chatCommand);
registerCommand('kb', 'knowledge base: ingest files, sync products, search, reembed, eval', async () => (await import('./commands/kb')).kbCommand);
registerCommand('eval', 'play YAML conversation scenarios against the agent: `eval scenarios <dir>`', async () => (await import('./commands/eval')).evalCommand);
registerCommand('worker', 'run the background work (jobs, e-mail, schedules) without the HTTP server; server mode, several may run', async () => (await import('./commands/worker')).workerCommand);
