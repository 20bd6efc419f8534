/**
 * The case in view: the active row's case in full — who asked what, where and when, its reference, state
 * and tags — and the municipality's replies recorded on it (issue #20): each reply's words, link, time, the
 * agent, and whether it was written outside Loket. Read from the case's history a moment after the active
 * row stops moving (j held down does not ask for every row on the way), and again when the case changes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Case } from '../domain/case';
import { replyOf, type CaseEvent, type ReplyRecord } from '../domain/case-event';
import { caseReference } from '../domain/case-id';
import { siteLabel } from '../domain/site';
import type { Tag } from '../domain/tag';
import { send } from '../protocol/client';
import { statusLabel, TagChips } from '../ui/chips';
import { formatDateTime } from '../ui/format';
import { t } from '../ui/i18n';

const SETTLE_MS = 150;

interface Reply extends ReplyRecord {
  agent: string;
  seq: number;
}

/** The reply events of a history, oldest first, one per reply. */
export function repliesOf(events: readonly CaseEvent[]): Reply[] {
  const out: Reply[] = [];
  for (const e of events) {
    const r = replyOf(e);
    if (r) out.push({ ...r, agent: e.actor, seq: e.seq ?? 0 });
  }
  return out.sort((a, b) => a.postedAt - b.postedAt || a.seq - b.seq);
}

export function QueuePreview({ item, tags }: { item: Case | undefined; tags: Tag[] | undefined }) {
  const [replies, setReplies] = useState<{ id: string; list: Reply[] } | null>(null);
  useEffect(() => {
    if (!item) return;
    let current = true;
    const timer = setTimeout(() => {
      send('case/history', { id: item.id }).then(
        (events) => current && setReplies({ id: item.id, list: repliesOf(events) }),
        () => current && setReplies({ id: item.id, list: [] }),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [item]);
  if (!item) return null;
  const list = replies?.id === item.id ? replies.list : undefined;
  return (
    <aside class="queue-preview" aria-labelledby="queue-preview-heading" data-testid="queue-preview">
      <h2 id="queue-preview-heading">{t('queuePreview')}</h2>
      <p class="meta">
        <strong>{item.author.name}</strong> {item.author.handle && <span class="muted">{item.author.handle}</span>} · {siteLabel(item.site)} ·{' '}
        {formatDateTime(item.postedAt)}
      </p>
      <p class="text">{item.text}</p>
      <dl>
        <dt>{t('queueReference')}</dt>
        <dd>{caseReference(item.id)}</dd>
        <dt>{t('filterStatus')}</dt>
        <dd>{statusLabel(item.status)}</dd>
        <dt>{t('filterAssignee')}</dt>
        <dd>{item.assignee ?? t('queueUnassigned')}</dd>
      </dl>
      {item.tags.length > 0 && <TagChips ids={item.tags} tags={tags} />}
      <h3>{t('queueReplies')}</h3>
      {list === undefined ? (
        <p class="muted">{t('popupLoading')}</p>
      ) : list.length === 0 ? (
        <p class="muted">{t('queueNoReplies')}</p>
      ) : (
        <ol class="replies" data-testid="queue-replies">
          {list.map((r) => (
            <li key={r.postId} data-reply-id={r.postId}>
              <p class="reply-text">{r.text}</p>
              <p class="muted">
                <time dateTime={new Date(r.postedAt).toISOString()}>{formatDateTime(r.postedAt)}</time> ·{' '}
                {r.via === 'elsewhere' ? (
                  <>
                    <span class="elsewhere">{t('queueReplyElsewhere')}</span>
                    {r.agent && ` · ${t('queueReplyBy', r.agent)}`}
                  </>
                ) : (
                  r.agent && t('queueReplySentBy', r.agent)
                )}{' '}
                {/^https:\/\//.test(r.url) && (
                  <>
                    · <a href={r.url} target="_blank" rel="noreferrer">{t('queueReplyOpen')}</a>
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
