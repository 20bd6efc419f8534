/** A template as the options page saves it (the fields an agent edits), and as the organisation's policy brings it. */
import * as z from 'zod/mini';
import { SITES } from './site';

const templateIdSchema = z.string().check(z.minLength(1), z.maxLength(200));

export const templateDraftSchema = z.strictObject({
  id: templateIdSchema,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  body: z.string().check(z.minLength(1), z.maxLength(5_000)),
  category: z.string().check(z.trim(), z.maxLength(100)),
  language: z.enum(['nl', 'en']),
  sites: z.array(z.enum(SITES)).check(z.minLength(1), z.maxLength(SITES.length)),
  shortcut: z.optional(z.string().check(z.trim(), z.maxLength(40), z.regex(/^[\p{L}\p{N}_-]*$/u, 'a shortcut is one word'))),
  scope: z.enum(['personal', 'team']),
  order: z.optional(z.number().check(z.int(), z.nonnegative())),
});

export { templateIdSchema };
