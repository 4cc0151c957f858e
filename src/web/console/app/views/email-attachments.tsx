import { useEffect, useState } from 'preact/hooks';
import type { paths } from '../../../../../clients/typescript/index';
import { ago } from '../format';
import { api, ok } from '../session';

type EmailFile = paths['/v1/conversations/{id}/email-attachments']['get']['responses']['200']['content']['application/json']['data'][number];

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/** A size in the units people read. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / (1024 * 102.4)) / 10} MB`;
}

/**
 * Every file the shopper e-mailed into the conversation (invoices, PDFs, photos the agent did not take as evidence),
 * through the same expiring signed links as the photos: fetched when shown, never kept.
 */
export function EmailAttachments({ conversationId }: { conversationId: string }) {
  const [files, setFiles] = useState<EmailFile[] | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    ok(api.GET('/v1/conversations/{id}/email-attachments', { params: { path: { id: conversationId } } }))
      .then((list) => setFiles(list.data))
      .catch(() => setFailed(true));
  }, [conversationId]);
  if (failed) return <p class="error">The e-mailed files could not be loaded.</p>;
  if (!files?.length) return null;
  return (
    <section class="evidence email-files" aria-label="Files the shopper e-mailed">
      <h3>Files the shopper e-mailed</h3>
      <ul class="files">
        {files.map((file, i) => (
          <li key={`${file.emailId}-${i}`}>
            {IMAGE_TYPES.has(file.contentType) && <img src={file.url} alt="" loading="lazy" referrerpolicy="no-referrer" />}
            <a href={file.url} target="_blank" rel="noopener noreferrer" download={IMAGE_TYPES.has(file.contentType) ? undefined : file.filename}>
              {file.filename}
            </a>{' '}
            <span class="muted">
              {file.contentType}, {fileSize(file.size)}, received {ago(file.receivedAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
