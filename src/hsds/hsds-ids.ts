import { createHash } from 'node:crypto';

/**
 * Namespace of the HSDS ids that belong to no center (taxonomies and their terms).
 * Never change it: every published id derived from it would change with it.
 */
export const HSDS_NAMESPACE = 'dc8da275-d24c-4be7-8111-2203eff9eb6d';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Name-based UUID, version 5 (SHA-1), as in RFC 9562 §5.5. */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID.test(namespace)) throw new TypeError(`namespace must be a UUID, got "${namespace}"`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Id of an HSDS row derived from a center: the center id is the namespace, so the same center
 * and parts always give the same id, and two centers never share one.
 */
export const centerScopedId = (centerId: string, ...parts: string[]) => uuidV5(parts.join(':'), centerId);

/** Id of an HSDS row shared by all centers (taxonomies, taxonomy terms). */
export const globalId = (...parts: string[]) => uuidV5(parts.join(':'), HSDS_NAMESPACE);

/**
 * Makes content keys unique by numbering repeats ("k", "k#1", "k#2"), so two identical rows
 * (the center schema does not forbid them) still get distinct, stable ids.
 */
export function uniqueKeys(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? key : `${key}#${n}`;
  });
}
