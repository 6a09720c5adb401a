/**
 * A short, stable fingerprint of a text (FNV-1a, 32 bits, as 8 hex digits):
 * not a security measure, a check that two copies are the same — a change
 * sheet's files, a feed entry's identity.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
