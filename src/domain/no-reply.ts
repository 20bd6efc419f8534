/**
 * "Geen reactie nodig" / "No reply needed": a case closed on purpose without an answer — a thank-you, spam,
 * something off-topic, or a question already answered elsewhere. It is closed like any case, but the reason
 * is kept on the case (and in its history) so the reports can count these apart: the response rate is
 * answered ÷ (cases − no reply needed), not answered ÷ cases.
 */
export const NO_REPLY_REASONS = ['thanks', 'spam', 'off_topic', 'answered_elsewhere'] as const;
export type NoReplyReason = (typeof NO_REPLY_REASONS)[number];

export function isNoReplyReason(value: unknown): value is NoReplyReason {
  return (NO_REPLY_REASONS as readonly unknown[]).includes(value);
}

/** The one change that closes a case as "no reply needed" (popup, queue, toolbar: the same patch). */
export function noReplyPatch(reason: NoReplyReason): { status: 'closed'; noReplyReason: NoReplyReason } {
  return { status: 'closed', noReplyReason: reason };
}

/** Closed as "no reply needed" (and not reopened since): left out of the response rate. */
export function isNoReplyNeeded(c: { status: string; noReplyReason?: NoReplyReason | undefined }): boolean {
  return c.status === 'closed' && c.noReplyReason !== undefined;
}
