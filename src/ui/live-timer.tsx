/**
 * A case's response timer that keeps itself current: every LiveTimer on a page listens to one shared 1 s
 * ticker (started with the first, stopped with the last), and redraws only when its words or state changed.
 * A virtualised list mounts timers for the rows in view only, so only those are worked out each second, and
 * the list itself is not drawn again for a tick.
 */
import { useEffect, useState } from 'preact/hooks';
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
  const view = () => {
    const v = timerView(item, Date.now(), policy);
    return { text: v?.text ?? statusLabel(item.status), state: v?.state ?? 'none' };
  };
  const [shown, setShown] = useState(view);
  // A new case in this row (a recycled row) or new settings: work it out at once, then every second.
  useEffect(() => {
    setShown(view());
    return everySecond(() => {
      const next = view();
      setShown((prev) => (prev.text === next.text && prev.state === next.state ? prev : next));
    });
  }, [item, policy]);
  return (
    <span class={`timer sla-${shown.state}`} title={`${t('popupPostedAt')} ${formatDateTime(item.postedAt)}`}>
      {shown.text}
    </span>
  );
}
