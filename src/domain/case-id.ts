/**
 * Case ids name one post or comment across sites and across time:
 *   x:<status id>                      a tweet
 *   fb:<post id>                       a Facebook post
 *   fb:<post id>/<comment id>          a Facebook comment or reply (the reply's own comment id)
 * Pure string logic: used by storage keys, the message contract and the site adapters alike.
 */
import type { Site } from './site';

export type CaseId = string & { readonly __brand: 'CaseId' };

export interface ParsedCaseId {
  site: Site;
  postId: string;
  commentId?: string;
}

const X_STATUS_ID = /^[0-9]{1,25}$/;
// Facebook ids are numeric or pfbid… (base58-like, letters and digits).
const FB_ID = /^(?:[0-9]{1,25}|pfbid[0-9A-Za-z]{10,80})$/;

export function parseCaseId(value: string): ParsedCaseId | null {
  if (value.startsWith('x:')) {
    const id = value.slice(2);
    return X_STATUS_ID.test(id) ? { site: 'x', postId: id } : null;
  }
  if (value.startsWith('fb:')) {
    const [postId, commentId, ...rest] = value.slice(3).split('/');
    if (rest.length > 0 || postId === undefined || !FB_ID.test(postId)) return null;
    if (commentId === undefined) return { site: 'facebook', postId };
    return FB_ID.test(commentId) ? { site: 'facebook', postId, commentId } : null;
  }
  return null;
}

export function isCaseId(value: unknown): value is CaseId {
  return typeof value === 'string' && parseCaseId(value) !== null;
}

export function xCaseId(statusId: string): CaseId {
  return checked(`x:${statusId}`);
}

export function facebookCaseId(postId: string, commentId?: string): CaseId {
  return checked(commentId === undefined ? `fb:${postId}` : `fb:${postId}/${commentId}`);
}

export function siteOfCaseId(id: CaseId): Site {
  return id.startsWith('x:') ? 'x' : 'facebook';
}

function checked(value: string): CaseId {
  if (!isCaseId(value)) throw new RangeError(`Not a valid case id: ${JSON.stringify(value)}`);
  return value;
}

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
