/**
 * Case ids name one post or comment across sites and across time:
 *   x:<status id>                      a tweet
 *   fb:<post id>                       a Facebook post
 *   fb:<post id>/<comment id>          a Facebook comment or reply (the reply's own comment id)
 * Each site's meta (src/sites/<site>/meta.ts) reads and writes its own part; the registry dispatches on the
 * prefix. Re-exported here for storage keys, the message contract and the site adapters alike, with the
 * case reference that is worked out from an id.
 */
import type { CaseId } from '../sites/registry';

export { caseIdFor, isCaseId, parseCaseId, siteOfCaseId, type CaseId, type ParsedCaseId } from '../sites/registry';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short reference for a case that a citizen can quote on the phone ("W-7K3M9Q"): derived from the case id
 * (FNV-1a, 30 bits in Crockford base32, which has no I, L, O or U to misread), so every agent's browser gives
 * the same case the same reference without asking anyone.
 */
export function caseReference(id: CaseId): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let out = '';
  for (let i = 0; i < 6; i++) {
    out += CROCKFORD[hash & 31];
    hash >>>= 5;
  }
  return `W-${out}`;
}
