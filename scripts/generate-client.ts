// Regenerates clients/typescript/{openapi.json,schema.d.ts} from the live document of a fresh in-memory instance.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { startTestSystem } from '../test/support/system';
import { documentFile, documentText, schemaFile, schemaText } from './client/generate';

const t = await startTestSystem();
try {
  const document = (await t.app.inject('/openapi.json')).json();
  writeFileSync(documentFile, documentText(document));
  writeFileSync(schemaFile, await schemaText(document));
  process.stdout.write(`wrote ${relative(process.cwd(), documentFile)} and ${relative(process.cwd(), schemaFile)}\n`);
} finally {
  await t.close();
}
