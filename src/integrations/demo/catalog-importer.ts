import { AppError } from '../../core/errors';
import type { CatalogImporter, CatalogWriter } from '../../core/ports/catalog';
import { catalogImport } from './shopify-shapes';
import { toCatalogRecords } from './to-records';

const pathText = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');

/** The catalog import of api.md: Shopify REST shapes in, our records out, written all-or-nothing. */
export function demoCatalogImporter(writer: CatalogWriter, now: () => Date = () => new Date()): CatalogImporter {
  return {
    async import(storeId, payload) {
      const parsed = catalogImport.safeParse(payload);
      if (!parsed.success) {
        const problems = parsed.error.issues.slice(0, 10).map((issue) => `${pathText(issue.path) || 'body'}: ${issue.message}`);
        throw new AppError('validation_failed', `invalid catalog: ${problems.join('; ')}`, { issues: problems });
      }
      return writer.write(storeId, toCatalogRecords(parsed.data, now()), { reindexProducts: true });
    },
  };
}
