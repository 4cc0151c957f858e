import { createInterface } from 'node:readline';
import { flag } from '../args';
import type { CliCommand } from '../command';
import { loadEnv } from '../../config/env';
import { createSystem } from '../../compose';
import { ensureDemoStore } from '../../demo-bootstrap';

const usage = `concierge chat [--email <address>] [--store <storeId>]

Talk to the agent of the embedded default in the terminal (the demo store unless --store is given).
  --email   start as a shopper the channel vouches for (as a logged-in storefront would)
Type /new for a fresh conversation, /quit to leave.`;

/** `concierge chat`: a terminal conversation with the agent, in process, on the configured database. */
export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'talk to the agent in the terminal',
  usage,
  async run(args, io) {
    const env = loadEnv({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
    const system = await createSystem(env);
    try {
      const demo = await ensureDemoStore(system, `http://${env.HOST}:${env.PORT}`);
      const storeId = flag(args, '--store') ?? demo?.storeId;
      if (!storeId) {
        io.stderr.write('no store: pass --store <id> (there is no demo store in server mode)\n');
        return 2;
      }
      const email = flag(args, '--email');
      const start = () => system.agent.conversations.create(storeId, { channel: 'api', ...(email ? { customer: { email } } : {}) }, Boolean(email));
      let { conversation } = await start();
      io.stdout.write(`Concierge chat — conversation ${conversation.id}. /new starts over, /quit leaves.\n\n`);
      const lines = createInterface({ input: io.stdin, terminal: false });
      io.stdout.write('you> ');
      for await (const line of lines) {
        const text = line.trim();
        if (text === '/quit' || text === '/exit') break;
        if (text === '/new') {
          ({ conversation } = await start());
          io.stdout.write(`(new conversation ${conversation.id})\nyou> `);
          continue;
        }
        if (text) {
          const turn = await system.agent.conversations.postMessage(storeId, conversation.id, text);
          const meta = turn.analysis ? `  [${turn.analysis.intent} ${turn.analysis.confidence.toFixed(2)} · ${turn.analysis.sentiment}${turn.escalated ? ` · handed off: ${turn.escalationReason}` : ''}]` : '  [a human owns this conversation: the agent is silent]';
          io.stdout.write(`${turn.reply ? `concierge> ${turn.reply.content.replaceAll('\n', '\n           ')}\n` : ''}${meta}\n`);
          for (const action of turn.actions) io.stdout.write(`  action: ${action.type} ${action.status}\n`);
        }
        io.stdout.write('you> ');
      }
      io.stdout.write('\n');
      return 0;
    } finally {
      await system.close();
    }
  },
};
