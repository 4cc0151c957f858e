import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import type { RunSql } from './job-table';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** `$1`-style SQL as drizzle chunks: the text between placeholders raw, each placeholder a bound parameter. */
function toDrizzle(text: string, params: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= params.length) throw new Error(`SQL names $${match[1]} but ${params.length} parameters were given`);
    chunks.push(sql`${params[index]}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/**
 * A drizzle transaction in progress as a `RunSql`: what the job queue's `enqueueIn` takes, so a
 * repository written with drizzle queues its job in its own transaction (it commits, or not, with the change).
 */
export function runSqlIn(tx: Tx): RunSql {
  return async (text, params = []) => {
    const result = (await tx.execute(toDrizzle(text, params))) as unknown as { rows?: unknown[] } | unknown[];
    return Array.isArray(result) ? result : (result.rows ?? []);
  };
}
