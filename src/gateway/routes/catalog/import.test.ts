import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipWithoutPostgres } from '../../../../test/support/databases';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from '../../../../test/support/system';

const catalog = (n: number) => ({
  products: [{ id: 9100 + n, title: `Trail Bottle ${n}`, body_html: '<p>A steel bottle that keeps water cold for a day.</p>', product_type: 'Gear', variants: [{ id: 9200 + n, price: '24.00', title: 'Default' }] }],
  customers: [{ id: 9300 + n, email: `bottle${n}@example.com`, first_name: 'Ann', last_name: 'Lee' }],
});

// Issue 13: the import and its products' re-indexing commit together (docs/adr/0041), on both databases.
for (const backend of ['pglite', 'postgres'] as const) {
  describe(`a catalog import and its re-indexing job on ${backend}`, { skip: backend === 'postgres' ? skipWithoutPostgres : false }, () => {
    let t: TestSystem;
    let store: TestStore;
    before(async () => {
      // Background off: the job stays as it was queued, for the test to read.
      t = await startTestSystem({ backend, env: { CONCIERGE_BACKGROUND: 'off', CONCIERGE_DEMO: 'false' } });
      store = await createStore(t, 'Catalog Tx');
    });
    after(() => t?.close());

    const importCatalog = (body: object) => t.app.inject({ method: 'POST', url: `/v1/stores/${store.storeId}/catalog/import`, headers: bearer(store.apiKey), payload: body as Record<string, unknown> });
    const count = async (sql: string) => Number((await t.system.database.query<{ n: string | number }>(sql, [store.storeId]))[0]!.n);
    const products = () => count('SELECT count(*) AS n FROM products WHERE store_id = $1');
    const customers = () => count('SELECT count(*) AS n FROM customers WHERE store_id = $1');
    const syncJobs = () => count("SELECT count(*) AS n FROM jobs WHERE store_id = $1 AND kind = 'knowledge.catalog-sync'");

    test('a failure after the import wrote its rows (the job cannot be queued) leaves neither the rows nor the job', async () => {
      // The fault: the database refuses the re-indexing job, after every catalog row of the import is written.
      await t.system.database.query(`CREATE OR REPLACE FUNCTION refuse_catalog_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.kind = 'knowledge.catalog-sync' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`);
      await t.system.database.query('CREATE TRIGGER refuse_catalog_sync BEFORE INSERT ON jobs FOR EACH ROW EXECUTE FUNCTION refuse_catalog_sync()');
      try {
        const response = await importCatalog(catalog(1));
        assert.equal(response.statusCode, 500, response.body);
        assert.equal(await products(), 0, 'the products were not kept without their re-indexing');
        assert.equal(await customers(), 0, 'nothing of the import was kept');
        assert.equal(await syncJobs(), 0);
      } finally {
        await t.system.database.query('DROP TRIGGER refuse_catalog_sync ON jobs');
      }
    });

    test('a success keeps both: the rows and the job', async () => {
      const response = await importCatalog(catalog(2));
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json(), { imported: { customers: 1, products: 1, orders: 0 }, knowledge: 'processing' });
      assert.equal(await products(), 1);
      assert.equal(await syncJobs(), 1);
      // No product: nothing to re-index, no job.
      const noProducts = await importCatalog({ customers: catalog(3).customers });
      assert.equal(noProducts.json().knowledge, 'unchanged');
      assert.equal(await syncJobs(), 1);
    });
  });
}
