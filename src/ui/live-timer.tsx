/**
 * A case's response timer that keeps itself current: every LiveTimer on a page listens to one shared 1 s
 * ticker (started with the first, stopped with the last), and redraws only when its words or state changed.
 * A virtualised list mounts timers for the rows in view only, so only those are worked out each second, and
 * the list itself is not drawn again for a tick.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Case } from '../domain/case';
import { statusLabel } from './chips';
import { formatDateTime } from './format';
import { t } from './i18n';
import { timerView, type TimerPolicy } from './timer';

const listeners = new Set<(now: number) => void>();
let ticker: ReturnType<typeof setInterval> | undefined;

/** Calls `listener` every second while subscribed; one interval for all. Returns the unsubscribe. */
export function everySecond(listener: (now: number) => void): () => void {
  listeners.add(listener);
  ticker ??= setInterval(() => {
    const now = Date.now();
    for (const l of listeners) l(now);
  }, 1_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

export function LiveTimer({ item, policy }: { item: Case; policy: TimerPolicy }) {
  // Worked out once per drawing (a recycled row's new case, new settings, or a tick that changed the words).
  const [, redraw] = useState(0);
  const v = timerView(item, Date.now(), policy);
  const shown = { text: v?.text ?? statusLabel(item.status), state: v?.state ?? 'none' };
  const latest = useRef({ item, policy, shown });
  latest.current = { item, policy, shown };
  // One subscription for the timer's life; a tick draws it again only when its words or state would change.
  useEffect(
    () =>
      everySecond((at) => {
        const { item: c, policy: p, shown: was } = latest.current;
        const next = timerView(c, at, p);
        if ((next?.text ?? statusLabel(c.status)) !== was.text || (next?.state ?? 'none') !== was.state) redraw((n) => n + 1);
      }),
    [],
  );
  return (
    <span class={`timer sla-${shown.state}`} title={`${t('popupPostedAt')} ${formatDateTime(item.postedAt)}`}>
      {shown.text}
    </span>
  );
}
