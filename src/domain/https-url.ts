/** An https URL as a schema: a post's link, and the organisation's template, tag and sync server addresses. */
import * as z from 'zod/mini';

export const httpsUrlSchema = z.string().check(
  z.maxLength(4_000),
  z.refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'not an https URL'),
);
