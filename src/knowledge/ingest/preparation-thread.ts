// Worker-thread entry: prepares documents (parse + chunk) posted by preparation-worker.ts, one at a time.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../core/errors';
import { prepareDocument } from './prepare-document';
import { tokenCounter } from './token-counter';
import type { PreparationRequest, PreparationReply } from './preparation-worker';

const counter = tokenCounter();

parentPort!.on('message', (request: PreparationRequest) => {
  prepareDocument(request.input, request.options, counter).then(
    (document) => parentPort!.postMessage({ id: request.id, document } satisfies PreparationReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: isAppError(error) ? { code: error.code, message: error.message } : { code: 'unprocessable', message: `the document could not be prepared: ${String(error)}` },
      } satisfies PreparationReply),
  );
});
