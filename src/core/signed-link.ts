import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed file link names: the store, the object's key, and when the link stops working. */
export interface LinkClaim {
  storeId: string;
  key: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type LinkCheck = { ok: true } | { ok: false; reason: 'expired' | 'invalid' };

/**
 * Links to stored files that work without credentials until they expire, in the shape of S3's
 * presigned URLs: the path names the object (`/files/{store}/{key}`), the query carries `expires`
 * and `signature` = HMAC-SHA256 over store, key and expiry under a key derived for this purpose.
 * A changed byte anywhere, another instance's key, or a time past the expiry, and it is refused.
 */
export function linkSigner(secret: Buffer) {
  const mac = (storeId: string, key: string, expires: string) => createHmac('sha256', secret).update(`${storeId}\n${key}\n${expires}`).digest('base64url');
  return {
    /** The link's path and query (the caller puts its own origin in front). */
    sign(claim: LinkClaim): string {
      const expires = String(Math.floor(claim.expiresAt / 1000));
      return `/files/${claim.storeId}/${claim.key.split('/').map(encodeURIComponent).join('/')}?expires=${expires}&signature=${mac(claim.storeId, claim.key, expires)}`;
    },
    verify(storeId: string, key: string, expires: string | undefined, signature: string | undefined, nowMs: number): LinkCheck {
      if (!expires || !/^\d{1,12}$/.test(expires) || !signature) return { ok: false, reason: 'invalid' };
      const expected = Buffer.from(mac(storeId, key, expires));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
      return nowMs >= Number(expires) * 1000 ? { ok: false, reason: 'expired' } : { ok: true };
    },
  };
}

export type LinkSigner = ReturnType<typeof linkSigner>;
