import { useEffect, useState } from 'preact/hooks';
import type { paths } from '../../../../../clients/typescript/index';
import { api, ok } from '../session';

type Photo = paths['/v1/conversations/{id}/attachments']['get']['responses']['200']['content']['application/json']['data'][number];

/**
 * A conversation's photos (evidence for a claim, docs/adr/0034), through signed links that expire
 * in minutes: fetched when shown, never kept; `only` narrows them to the ones a request came with.
 */
export function EvidencePhotos({ conversationId, only, heading }: { conversationId: string; only?: string[]; heading: string }) {
  const [photos, setPhotos] = useState<Photo[] | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    ok(api.GET('/v1/conversations/{id}/attachments', { params: { path: { id: conversationId } } }))
      .then((list) => setPhotos(list.data.filter((p) => !only || only.includes(p.id))))
      .catch(() => setFailed(true));
  }, [conversationId, only?.join(',')]);
  if (failed) return <p class="error">The photos could not be loaded.</p>;
  if (!photos?.length) return null;
  return (
    <section class="evidence" aria-label={heading}>
      <h3>{heading}</h3>
      <ul class="photos">
        {photos.map((photo, i) => (
          <li key={photo.id}>
            <a href={photo.url} target="_blank" rel="noopener noreferrer">
              <img src={photo.url} alt={`Photo ${i + 1} sent by the shopper (${photo.source})`} loading="lazy" referrerpolicy="no-referrer" />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
