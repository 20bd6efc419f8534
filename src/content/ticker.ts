/**
 * One timer for the whole page: every toolbar's response timer is redrawn from it, never from a timer of
 * its own. Paused while the tab is hidden (nobody sees it), with a catch-up tick when it shows again.
 */
export function startTicker(tick: () => void, intervalMs: number, signal: AbortSignal): void {
  let handle: ReturnType<typeof setInterval> | undefined;
  const run = () => {
    if (document.visibilityState === 'hidden') {
      if (handle !== undefined) clearInterval(handle);
      handle = undefined;
    } else if (handle === undefined) {
      tick();
      handle = setInterval(tick, intervalMs);
    }
  };
  run();
  document.addEventListener('visibilitychange', run, { signal });
  signal.addEventListener('abort', () => handle !== undefined && clearInterval(handle), { once: true });
}
