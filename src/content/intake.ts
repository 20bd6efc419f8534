/**
 * Automatic intake in the page (issue #17, item 1): a post the page shows that is addressed to the
 * municipality becomes a case without a click. It works on what the post controller already read of each
 * post, once per post per page (PostObserver):
 *
 *   post read (quiet) ─▶ rules active here? ─▶ author own / colleague / repost? ─▶ adapter.readAddressing
 *        (settings)       no: stop              yes: stop                          null: stop (cannot match)
 *   ─▶ decideIntake (domain) ─▶ full read ─▶ queued ─(one message per 50 ms)─▶ background: intake/take
 *                                                                             └▶ cases into the page's cache
 *
 * Nearly every post stops at the first three checks (settings lookups, no DOM); the adapter reads a post in
 * full only when its text names an own account or a keyword. The background makes the case idempotently, so
 * the same post in two tabs is one case.
 *
 * Also reports the account the page shows the agent logged in as (X's side navigation; Facebook's "Reageren
 * als …"), so the setup and options pages can offer it as an own account. It stays in this browser.
 */
import type { Case } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import { decideIntake, intakeActive, skipByAuthor, type IntakeReason, type IntakeRules } from '../domain/intake-rules';
import { intakeRules } from '../domain/intake-settings';
import type { PostRef } from '../domain/post-ref';
import type { Settings } from '../protocol/messages';
import type { SiteAdapter } from '../sites/site-adapter';

export interface IntakeItem {
  post: PostRef;
  reason: IntakeReason;
  detail: string;
}

export interface IntakeServices {
  settings(): Settings;
  /** Sends a batch to the background; answers with the posts' cases (made now or before). */
  take(items: IntakeItem[]): Promise<Case[]>;
  /** A case the background answered with: into the page's case cache, so the post shows as a case at once. */
  put(c: Case): void;
  /** The account the page shows the agent logged in as. */
  detected?(account: string): void;
}

export class Intake {
  private rules: IntakeRules | undefined;
  private rulesOf: { intake: Settings['intake'] | undefined; ownAccounts: string } | undefined;
  private readonly taken = new Set<CaseId>();
  private queue: IntakeItem[] = [];
  private reported: string | undefined;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly services: IntakeServices,
    private readonly batchMs = 50,
    private readonly now: () => number = Date.now,
  ) {}

  /** The rules for the settings in force, built again only when the settings object changed. */
  private currentRules(): IntakeRules {
    const s = this.services.settings();
    if (!this.rules || this.rulesOf?.intake !== s.intake || this.rulesOf.ownAccounts !== s.ownAccounts) {
      this.rules = intakeRules(s.intake, s.ownAccounts);
      this.rulesOf = { intake: s.intake, ownAccounts: s.ownAccounts };
    }
    return this.rules;
  }

  /** A post read for the first time on this page (PostObserver's appeared and present). */
  seen(post: PostRef, el: Element): void {
    if (this.taken.has(post.caseId)) return;
    const rules = this.currentRules();
    if (!intakeActive(rules, this.adapter.site) || !this.adapter.readAddressing) return;
    if (skipByAuthor(post, rules) !== undefined) return;
    const read = this.adapter.readAddressing(el, post, rules);
    if (!read) return;
    const decision = decideIntake(read.addressing, rules);
    if (!decision.match) return;
    const firstSeen = post.postedAtSource === 'first-seen' ? post.postedAt : this.now();
    const full = read.post ?? this.adapter.readPost(el, firstSeen, true);
    if (!full) return;
    if (post.isOwn) full.isOwn = true;
    this.taken.add(post.caseId);
    this.queue.push({ post: full, reason: decision.reason, detail: decision.detail });
    if (this.queue.length === 1) setTimeout(() => this.flush(), this.batchMs);
  }

  /** Tells the background which account the page shows the agent logged in as, once per account. */
  reportAccount(doc: Document): void {
    const acting = this.adapter.actingAccount?.(doc) ?? null;
    const account = acting?.handle ?? acting?.name;
    if (!account || account === this.reported || /,/.test(account)) return;
    this.reported = account;
    this.services.detected?.(account);
  }

  private flush(): void {
    const items = this.queue.splice(0);
    if (items.length === 0) return;
    this.services.take(items).then(
      (cases) => cases.forEach((c) => this.services.put(c)),
      () => {
        // The background could not take them (a worker restart mid-way): the next visit of the page tries again.
        for (const item of items) this.taken.delete(item.post.caseId);
      },
    );
  }
}
