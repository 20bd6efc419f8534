/** A template as the options page saves it (the fields an agent edits), and as the organisation's policy brings it. */
import * as z from 'zod/mini';
import { CASE_STATUSES } from './case-lifecycle';
import { MAX_REPLY_ACTIONS } from './reply-actions';
import { SITES } from './site';

const templateIdSchema = z.string().check(z.minLength(1), z.maxLength(200));

const actionText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** One reply action (reply-actions.ts), as a template file, the policy or the options page brings it. */
export const replyActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('status'), status: z.enum(CASE_STATUSES) }),
  z.strictObject({ kind: z.literal('tags'), add: z.array(actionText(100)).check(z.minLength(1), z.maxLength(20)) }),
  z.strictObject({ kind: z.literal('handover'), category: actionText(100), note: actionText(2_000) }),
  z.strictObject({ kind: z.literal('assign'), to: actionText(100) }),
]);

export const replyActionsSchema = z.array(replyActionSchema).check(
  z.maxLength(MAX_REPLY_ACTIONS),
  z.refine((list) => new Set(list.map((a) => a.kind)).size === list.length, 'each kind of action at most once'),
);

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
  actions: z.optional(replyActionsSchema),
});

export { templateIdSchema };
