import { useCallback, useEffect, useState } from 'preact/hooks';
import type { paths } from '../../../../../clients/typescript/index';
import { api, canChangeSettings, ConciergeApiError, ok } from '../session';

type Document = paths['/v1/knowledge/documents']['get']['responses']['200']['content']['application/json']['data'][number];
type Chunk = paths['/v1/knowledge/documents/{id}/chunks']['get']['responses']['200']['content']['application/json']['data'][number];
type Hit = paths['/v1/knowledge/search']['get']['responses']['200']['content']['application/json']['data'][number];

const formatOf = (name: string) => (/\.pdf$/i.test(name) ? 'pdf' : /\.html?$/i.test(name) ? 'html' : /\.(md|markdown)$/i.test(name) ? 'markdown' : 'text');

async function fileContent(file: File, format: string): Promise<string> {
  if (format !== 'pdf') return file.text();
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Documents the agent answers from: upload, list, see a document's passages, and try a question. */
export function KnowledgeView() {
  const [documents, setDocuments] = useState<Document[]>([]);
  const [question, setQuestion] = useState('');
  const [hits, setHits] = useState<Hit[] | undefined>();
  const [message, setMessage] = useState('');
  const [opened, setOpened] = useState<{ doc: Document; chunks: Chunk[] } | undefined>();
  const load = useCallback(async () => setDocuments((await ok(api.GET('/v1/knowledge/documents', { params: { query: { limit: 200 } } }))).data), []);
  useEffect(() => void load(), [load]);
  // Uploads are indexed in the background: while one is processing, the list is read again every second.
  const processing = documents.some((doc) => doc.status === 'processing');
  useEffect(() => {
    if (!processing) return undefined;
    const timer = setInterval(() => void load(), 1000);
    return () => clearInterval(timer);
  }, [processing, load]);

  const upload = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const format = formatOf(file.name);
    try {
      const result = await ok(api.POST('/v1/knowledge/documents', { body: { format, content: await fileContent(file, format), source: file.name } }));
      setMessage(result.outcome === 'unchanged' ? `${result.document.title}: unchanged (${result.document.chunkCount} passages)` : `${result.document.title}: accepted, being indexed`);
      await load();
    } catch (caught) {
      setMessage(caught instanceof ConciergeApiError ? caught.message : 'The upload failed.');
    }
    input.value = '';
  };
  const remove = async (doc: Document) => {
    await ok(api.DELETE('/v1/knowledge/documents/{id}', { params: { path: { id: doc.id } } }));
    await load();
  };
  const showChunks = async (doc: Document) =>
    setOpened({ doc, chunks: (await ok(api.GET('/v1/knowledge/documents/{id}/chunks', { params: { path: { id: doc.id } } }))).data });
  const tryQuestion = async (event: Event) => {
    event.preventDefault();
    if (question.trim()) setHits((await ok(api.GET('/v1/knowledge/search', { params: { query: { q: question, k: 5 } } }))).data);
  };
  return (
    <section aria-labelledby="knowledge-title">
      <div class="toolbar">
        <h1 id="knowledge-title">Knowledge</h1>
      </div>
      <form class="try" onSubmit={tryQuestion} role="search">
        <label for="kb-question">Try a question: what would Concierge find?</label>
        <input id="kb-question" value={question} onInput={(e) => setQuestion(e.currentTarget.value)} placeholder="can I return socks?" />
        <button type="submit">Search</button>
      </form>
      {hits && (
        <ol class="hits" aria-label="Passages found">
          {hits.length === 0 && <li>Nothing relevant: Concierge would say it has no article and offer a human.</li>}
          {hits.map((hit) => (
            <li key={hit.chunkId}>
              <strong>{hit.titlePath.join(' › ') || hit.title}</strong>{' '}
              <span class="muted">
                relevance {hit.relevance.toFixed(2)} · {hit.source}
              </span>
              <p>{hit.content}</p>
            </li>
          ))}
        </ol>
      )}
      {canChangeSettings() && (
        <p>
          <label>
            Upload a document (Markdown, HTML, text or PDF) <input type="file" accept=".md,.markdown,.html,.htm,.txt,.pdf" onChange={upload} />
          </label>
        </p>
      )}
      <p role="status">{message}</p>
      {opened && (
        <section class="passages" aria-labelledby="passages-title">
          <h2 id="passages-title">
            Passages of “{opened.doc.title}” ({opened.chunks.length})
          </h2>
          <ol>
            {opened.chunks.map((chunk) => (
              <li key={chunk.id}>
                <span class="muted">
                  {chunk.titlePath.join(' › ')} · {chunk.tokenCount} tokens
                </span>
                <p>{chunk.content}</p>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setOpened(undefined)}>
            Close
          </button>
        </section>
      )}
      <table class="documents">
        <caption>{documents.length} documents</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Passages</th>
            <th scope="col">Status</th>
            <th scope="col">Updated</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((doc) => (
            <tr key={doc.id}>
              <td>
                <button type="button" class="link" aria-expanded={opened?.doc.id === doc.id} onClick={() => void showChunks(doc)}>
                  {doc.title}
                </button>
              </td>
              <td>{doc.kind}</td>
              <td>{doc.chunkCount}</td>
              <td>{doc.status === 'failed' ? `failed: ${doc.statusReason ?? 'unknown reason'}` : doc.status === 'processing' ? 'being indexed…' : 'ready'}</td>
              <td>{new Date(doc.updatedAt).toLocaleDateString()}</td>
              <td>
                {canChangeSettings() && doc.kind === 'upload' && (
                  <button type="button" class="link" onClick={() => void remove(doc)}>
                    Remove<span class="sr-only"> {doc.title}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
