/**
 * Runtime schemas for everything that crosses a context boundary. A message is only handled after it has
 * been parsed here; past this point it is typed and trusted. zod/mini keeps the background bundle small;
 * the content script never imports this file.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { CASE_STATUSES } from '../domain/case';
import { isCaseId, parseCaseId, type CaseId } from '../domain/case-id';
import { SITES } from '../domain/site';
import { NO_REPLY_REASONS } from '../domain/no-reply';
import { HANDOVER_EXPORT_VIAS, KCC_STATES } from '../domain/handover';
import { httpsUrlSchema } from '../domain/https-url';
import { settingsSchema } from '../domain/settings-schema';
import { templateDraftSchema, templateIdSchema } from '../domain/template-draft-schema';
import { POSTED_AT_SOURCES } from '../domain/post-ref';
import { INTAKE_REASONS } from '../domain/intake-rules';

z.config(en());

const MAX_TEXT = 100_000;
const shortText = () => z.string().check(z.maxLength(500));

export const caseIdSchema = z.custom<CaseId>(isCaseId, { error: 'not a valid case id' });

const epochMs = z.number().check(z.int(), z.nonnegative(), z.maximum(8.64e15));

export const postRefSchema = z
  .strictObject({
    caseId: caseIdSchema,
    site: z.enum(SITES),
    url: httpsUrlSchema,
    author: z.strictObject({ name: shortText(), handle: z.optional(shortText()), profileUrl: z.optional(httpsUrlSchema) }),
    text: z.string().check(z.maxLength(MAX_TEXT)),
    postedAt: epochMs,
    postedAtSource: z.enum(POSTED_AT_SOURCES),
    aliases: z.optional(z.array(caseIdSchema).check(z.maxLength(8))),
    isOwn: z.optional(z.boolean()),
    isReply: z.optional(z.boolean()),
    inReplyTo: z.optional(shortText()),
    isRepost: z.optional(z.boolean()),
  })
  .check(z.refine((p) => parseCaseId(p.caseId)?.site === p.site, 'case id does not belong to the site'));

const tagList = () => z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(50));

export const casePatchSchema = z
  .strictObject({
    status: z.optional(z.enum(CASE_STATUSES)),
    tags: z.optional(tagList()),
    addTags: z.optional(tagList()),
    removeTags: z.optional(tagList()),
    assignee: z.optional(z.nullable(shortText().check(z.minLength(1)))),
    firstResponseAt: z.optional(epochMs),
    dueAt: z.optional(z.nullable(epochMs)),
    noReplyReason: z.optional(z.enum(NO_REPLY_REASONS)),
  })
  .check(z.refine((p) => Object.values(p).some((v) => v !== undefined), 'the patch changes nothing'));

/** A colleague's name, as the team list and every change's actor give it. */
const agentName = z.string().check(z.trim(), z.minLength(1, 'name the colleague'), z.maxLength(100));
/** Assign to a colleague, or null: release to the pool. */
const assignTarget = z.nullable(agentName);
const kccProgressShape = {
  state: z.enum(KCC_STATES),
  answer: z.optional(z.string().check(z.trim(), z.maxLength(5_000))),
  reference: z.optional(z.string().check(z.trim(), z.maxLength(200))),
};

export const requestSchemas = {
  ping: z.strictObject({}),
  'cases/get': z.strictObject({ ids: z.array(caseIdSchema).check(z.maxLength(1_000)) }),
  'cases/known': z.strictObject({}),
  'case/track': z.strictObject({ post: postRefSchema }),
  'cases/link': z.strictObject({
    links: z.array(z.strictObject({ id: caseIdSchema, aliases: z.array(caseIdSchema).check(z.minLength(1), z.maxLength(8)) })).check(z.minLength(1), z.maxLength(500)),
  }),
  'case/update': z.strictObject({ id: caseIdSchema, patch: casePatchSchema }),
  'case/history': z.strictObject({ id: caseIdSchema }),
  /** "No reply needed": closes the case with its reason, in one call (popup, queue, toolbar). */
  'case/no-reply': z.strictObject({ id: caseIdSchema, reason: z.enum(NO_REPLY_REASONS) }),
  /** `undo`: puts back what an agent's own last change replaced, so the status may go back where it came from. */
  'cases/bulk': z.strictObject({ ids: z.array(caseIdSchema).check(z.minLength(1), z.maxLength(500)), patch: casePatchSchema, undo: z.optional(z.literal(true)) }),
  'case/handover': z.strictObject({
    id: caseIdSchema,
    category: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    note: z.string().check(z.trim(), z.minLength(1, 'a handover needs a note'), z.maxLength(2_000)),
  }),
  'handovers/list': z.strictObject({}),
  /** The handovers went out (a file, a mail): recorded on each, so they are not exported again unless asked. */
  'handovers/exported': z.strictObject({ ids: z.array(caseIdSchema).check(z.minLength(1), z.maxLength(500)), via: z.enum(HANDOVER_EXPORT_VIAS) }),
  /** The KCC's address and categories (policy), and whether this agent works for the KCC. */
  'kcc/config': z.strictObject({}),
  /** A KCC agent's progress on a handover (the KCC queue). */
  'kcc/progress': z.strictObject({ id: caseIdSchema, ...kccProgressShape }),
  /** The KCC's answers from its answer file, already matched to cases (kcc-answer-file.ts). */
  'kcc/import': z.strictObject({ answers: z.array(z.strictObject({ id: caseIdSchema, ...kccProgressShape })).check(z.minLength(1), z.maxLength(5_000)) }),
  /** Applies the actions of a stored template (reply-actions.ts) to the case its text went into. */
  'template/apply': z.strictObject({ id: caseIdSchema, templateId: templateIdSchema }),
  /** Undoes this agent's change at `at` (a template's actions), within the minute, from the case's history. */
  'case/undo': z.strictObject({ id: caseIdSchema, at: epochMs }),
  'cases/range': z.strictObject({ from: epochMs, to: epochMs }).check(z.refine((r) => r.to > r.from, 'the period ends before it starts')),
  'case/note': z.strictObject({ id: caseIdSchema, text: z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000)) }),
  'cases/open': z.strictObject({ limit: z.optional(z.number().check(z.int(), z.positive(), z.maximum(10_000))) }),
  'case/responded': z.strictObject({
    id: caseIdSchema,
    at: epochMs,
    /** The reply itself, to keep with the case (absent from a page that could not read it). */
    reply: z.optional(
      z.strictObject({
        postId: caseIdSchema,
        text: z.string().check(z.maxLength(MAX_TEXT)),
        url: httpsUrlSchema,
        postedAt: epochMs,
        via: z.enum(['loket', 'elsewhere']),
      }),
    ),
  }),
  'templates/list': z.strictObject({}),
  'tags/list': z.strictObject({}),
  'template/used': z.strictObject({ id: templateIdSchema }),
  'template/save': z.strictObject({ template: templateDraftSchema }),
  'template/delete': z.strictObject({ id: templateIdSchema }),
  'templates/reorder': z.strictObject({ ids: z.array(templateIdSchema).check(z.maxLength(2_000)) }),
  'templates/import': z.strictObject({
    scope: z.enum(['personal', 'team']),
    templates: z.array(z.omit(templateDraftSchema, { scope: true })).check(z.maxLength(1_000)),
  }),
  'health/report': z.strictObject({
    site: z.enum(SITES),
    kind: z.literal('layout-not-recognised'),
    pageKind: z.string().check(z.regex(/^[a-z-]{1,30}$/)),
    detail: z.string().check(z.maxLength(200)),
  }),
  'health/list': z.strictObject({}),
  'person/find': z.strictObject({ query: z.string().check(z.trim(), z.minLength(2, 'type at least two characters'), z.maxLength(200)) }),
  'person/erase': z.strictObject({
    query: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    ids: z.array(caseIdSchema).check(z.minLength(1), z.maxLength(10_000)),
  }),
  'events/for': z.strictObject({ ids: z.array(caseIdSchema).check(z.maxLength(50_000)) }),
  'privacy/status': z.strictObject({}),
  /** Closed cases whose retention period ends within `withinDays` (0: already past it). */
  'retention/expired': z.strictObject({ withinDays: z.number().check(z.int(), z.nonnegative(), z.maximum(366)) }),
  'sync/config': z.strictObject({}),
  'sync/save': z.strictObject({
    enabled: z.boolean(),
    url: z.string().check(z.trim(), z.maxLength(2_000)),
    database: z.string().check(z.trim(), z.maxLength(200)),
    username: z.string().check(z.trim(), z.maxLength(200)),
    /** Typed to sign in (POST /_session), never stored; absent: keep the session there is. */
    password: z.optional(z.string().check(z.maxLength(1_000))),
  }),
  'sync/test': z.strictObject({
    url: z.string().check(z.trim(), z.maxLength(2_000)),
    database: z.string().check(z.trim(), z.maxLength(200)),
    username: z.string().check(z.trim(), z.maxLength(200)),
    password: z.optional(z.string().check(z.maxLength(1_000))),
  }),
  'sync/logout': z.strictObject({}),
  'sync/status': z.strictObject({}),
  'sync/now': z.strictObject({}),
  'export/all': z.strictObject({}),
  'settings/get': z.strictObject({}),
  'readability/check': z.strictObject({ text: z.string().check(z.maxLength(MAX_TEXT)) }),
  'policy/status': z.strictObject({}),
  'settings/save': z.strictObject({ settings: settingsSchema }),
  'case/assign': z.strictObject({ id: caseIdSchema, to: assignTarget }),
  'cases/assign': z.strictObject({ ids: z.array(caseIdSchema).check(z.minLength(1), z.maxLength(500)), to: assignTarget }),
  'team/list': z.strictObject({}),
  'presence/away': z.strictObject({
    /** Absent: away until I say I am back. */
    until: z.optional(epochMs),
    release: z.union([z.strictObject({ to: z.literal('pool') }), z.strictObject({ to: z.literal('colleague'), name: agentName })]),
  }),
  'presence/back': z.strictObject({}),
  /** Automatic intake: posts a page showed that match the intake rules, batched (issue #17). */
  'intake/take': z.strictObject({
    items: z
      .array(z.strictObject({ post: postRefSchema, reason: z.enum(INTAKE_REASONS), detail: shortText() }))
      .check(z.minLength(1), z.maxLength(200)),
  }),
  /** Posts seen in [from, to) that matched intake (the reports' coverage), of one site when given. */
  'intake/seen-count': z
    .strictObject({ from: epochMs, to: epochMs, site: z.optional(z.enum(SITES)) })
    .check(z.refine((r) => r.to > r.from, 'the period ends before it starts')),
  /** The account a site's page shows the agent logged in as, to offer as an own account on first use. */
  'account/detected': z.strictObject({ site: z.enum(SITES), account: shortText().check(z.trim(), z.minLength(1), z.maxLength(100), z.regex(/^[^,]*$/)) }),
  /** The last account detected per site (setup and options offer it). */
  'accounts/detected': z.strictObject({}),
} as const;

/**
 * What only the extension's own pages (popup, options, reports) may ask. A content script runs inside the
 * site's page process: if that were ever subverted, it still could not read everyone's cases in bulk, erase
 * data, change settings or templates, or reach the sync server. Content scripts ask about the posts they show.
 */
export const EXTENSION_PAGES_ONLY: ReadonlySet<keyof typeof requestSchemas> = new Set([
  'cases/bulk',
  'cases/open',
  'cases/range',
  'handovers/list',
  'handovers/exported',
  'kcc/progress',
  'kcc/import',
  'events/for',
  'person/find',
  'person/erase',
  'privacy/status',
  'retention/expired',
  'settings/save',
  'policy/status',
  'template/save',
  'template/delete',
  'templates/reorder',
  'templates/import',
  'health/list',
  'sync/config',
  'sync/save',
  'sync/test',
  'sync/logout',
  'sync/now',
  'export/all',
  'cases/assign',
  'presence/away',
  'presence/back',
  'intake/seen-count',
  'accounts/detected',
] as const);
