import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Private text at rest: AES-256-GCM with a random 96-bit nonce, stored as
 * `v1.<key id>.<nonce>.<ciphertext+tag>` (base64url) so keys can rotate: the first key seals,
 * every listed key opens what it sealed. The owner id is authenticated data, so a sealed text
 * copied onto another person's record does not open.
 */
export class TextVault {
  private readonly keys = new Map<string, Buffer>();
  private readonly activeId: string;
  /** Keyed hashes for search terms and equality (entity names, fact objects). */
  private readonly termKey: Buffer;

  constructor(spec: string) {
    const entries = spec.split(',').map((entry) => {
      const [id, key] = entry.split(':') as [string, string];
      const bytes = Buffer.from(key, 'base64url');
      if (bytes.length !== 32) throw new Error(`companion key ${id} is not 32 bytes`);
      return [id, bytes] as const;
    });
    for (const [id, key] of entries) this.keys.set(id, key);
    this.activeId = entries[0]![0];
    // Terms stay comparable across rotations of the sealing key: they come from the oldest
    // listed key's derivation only when it is the first; rotating it means re-indexing.
    this.termKey = Buffer.from(hkdfSync('sha256', entries[0]![1], 'mindscape', 'search-terms', 32));
  }

  seal(text: string, ownerId: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeId)!, nonce);
    cipher.setAAD(Buffer.from(ownerId));
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1.${this.activeId}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
  }

  open(sealed: string, ownerId: string): string {
    const [version, id, nonce, body] = sealed.split('.');
    const key = id ? this.keys.get(id) : undefined;
    if (version !== 'v1' || !key || !nonce || !body) throw new Error('sealed text is malformed');
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(ownerId));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  }

  /** A person's term as stored: the same term of two people never matches. */
  term(ownerId: string, term: string): string {
    return createHmac('sha256', this.termKey)
      .update(ownerId)
      .update('\0')
      .update(term)
      .digest('base64url')
      .slice(0, 22);
  }

  static generateSpec(id = 'k1'): string {
    return `${id}:${randomBytes(32).toString('base64url')}`;
  }
}
