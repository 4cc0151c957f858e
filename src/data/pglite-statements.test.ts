import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { pglitePreparedQueries, type PgliteQueries } from './pglite-statements';

describe('PGlite statements run prepared', () => {
  let client: PGlite;
  let prepared: PgliteQueries;

  before(async () => {
    client = await PGlite.create();
    prepared = pglitePreparedQueries(client, 3);
    await client.exec(`CREATE TABLE items (id uuid PRIMARY KEY, name text NOT NULL, qty int, price numeric(10,2), data jsonb, at timestamptz, tags text[]);
      CREATE TABLE ledger (n int PRIMARY KEY)`);
  });
  after(() => client.close());

  const statements = async () => (await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY statement')).rows.map((r) => r.statement);

  test("answers exactly as PGlite's query() does: rows, fields, row counts, parameter types", async () => {
    const insert = 'INSERT INTO items VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *';
    const params = (id: string) => [id, 'mug', 2, '12.50', { colour: 'blue', sizes: [1, 2] }, new Date('2026-11-20T10:00:00.000Z'), ['kitchen', 'gift']];
    const viaPrepared = await prepared.query(insert, params('00000000-0000-4000-8000-000000000001'));
    const viaQuery = await client.query(insert, params('00000000-0000-4000-8000-000000000002'));
    assert.deepEqual({ ...viaPrepared.rows[0]!, id: null }, { ...viaQuery.rows[0]!, id: null });
    assert.deepEqual(viaPrepared.fields, viaQuery.fields);
    assert.equal(viaPrepared.affectedRows, 1);

    const select = 'SELECT name, qty, price, data, at, tags FROM items WHERE qty = $1 ORDER BY id';
    const options = { rowMode: 'array' as const, parsers: { 1184: (value: string) => `raw ${value}` } };
    assert.deepEqual(await prepared.query(select, [2], options), await client.query(select, [2], options));
    assert.deepEqual((await prepared.query(select, [2])).rows, (await client.query(select, [2])).rows);
    assert.equal((await prepared.query('UPDATE items SET qty = qty + 1 WHERE qty = $1', [2])).affectedRows, 2);
    assert.equal((await prepared.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE data IS NULL AND $1::text IS NULL', [null])).rows[0]!.n, 0);
  });

  test('each text is parsed once; past the bound the least recently used statement is closed', async () => {
    const text = (n: number) => `SELECT ${n} AS n, $1::int AS x`;
    const run = (n: number) => prepared.query(text(n), [n]);
    await run(1);
    await run(2);
    await run(1);
    assert.equal((await run(1)).rows.length, 1);
    await run(3); // three kept: 2, 1, 3 (the SELECTs before this test were closed as these came in)
    await run(4); // 2 was least recently used: closed with the next call
    await run(1);
    assert.deepEqual(await statements(), [text(1), text(3), text(4)]);
  });

  test('a bad statement is an error and changes nothing; a failing execution leaves its statement usable', async () => {
    await assert.rejects(prepared.query('SELEC 1'), (error: Error & { code?: string; query?: string }) => error.code === '42601' && error.query === 'SELEC 1');
    const divide = 'SELECT 10 / $1::int AS q';
    await assert.rejects(prepared.query(divide, [0]), /division by zero/);
    assert.deepEqual((await prepared.query(divide, [5])).rows, [{ q: 2 }]);
    await assert.rejects(prepared.query('INSERT INTO ledger VALUES ($1), ($1)', [7]), /duplicate key/);
    assert.equal((await client.query('SELECT * FROM ledger WHERE n = 7')).rows.length, 0);
  });

  test('a statement whose table changed shape is prepared again', async () => {
    await client.exec('CREATE TABLE shapes (id int)');
    await prepared.query('INSERT INTO shapes VALUES ($1)', [1]);
    assert.deepEqual((await prepared.query('SELECT * FROM shapes')).rows, [{ id: 1 }]);
    await client.exec("ALTER TABLE shapes ADD COLUMN label text DEFAULT 'x'");
    assert.deepEqual((await prepared.query('SELECT * FROM shapes')).rows, [{ id: 1, label: 'x' }]);
  });

  test("never runs inside another caller's transaction: it waits for it to end", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const started = new Promise<void>((resolve) => (opened = resolve));
    const rolledBack = client
      .transaction(async (tx) => {
        await tx.query('INSERT INTO ledger VALUES (1)');
        opened();
        await gate;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    await started;
    const outside = prepared.query('INSERT INTO ledger VALUES ($1)', [2]);
    release();
    assert.equal(await rolledBack, 'roll back');
    await outside;
    assert.deepEqual((await client.query('SELECT n FROM ledger ORDER BY n')).rows, [{ n: 2 }]);
  });
});
