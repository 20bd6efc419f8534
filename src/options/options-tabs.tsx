/**
 * The options page's tabs: first the work queue ("Werkbak", the queue page in a frame: the agent pins this
 * tab and works from it), then the settings. `#werkbak` in the address opens on the queue, as the popup's
 * link does; without it the page opens on the settings, as the browser's "Options" entry expects. ARIA tabs:
 * arrow keys, Home and End move between the tabs, and the chosen one is in the address for a reload.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { announceQueueTab, QUEUE_HASH } from '../ui/queue-tab';
import { OptionsApp } from './options-app';

type Tab = 'queue' | 'settings';
const TABS: readonly Tab[] = ['queue', 'settings'];
const fromHash = (): Tab => (location.hash === `#${QUEUE_HASH}` ? 'queue' : 'settings');

export function OptionsTabs() {
  const [tab, setTab] = useState<Tab>(fromHash);
  const buttons = useRef<Record<Tab, HTMLButtonElement | null>>({ queue: null, settings: null });
  useEffect(() => {
    announceQueueTab();
    const follow = () => setTab(fromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.body.classList.toggle('werkbak', tab === 'queue');
  }, [tab]);
  const choose = (next: Tab, focus = false) => {
    setTab(next);
    history.replaceState(null, '', next === 'queue' ? `#${QUEUE_HASH}` : location.pathname);
    if (focus) buttons.current[next]?.focus();
  };
  const label = { queue: t('queueTitle'), settings: t('optionsSettingsTab') };
  return (
    <>
      <header>
        {/* The settings tab has the page's heading; the queue's is inside its frame. */}
        {tab === 'queue' && <h1 class="visually-hidden">{t('optionsTitle')}</h1>}
        <div role="tablist" aria-label={t('optionsTitle')} class="options-tabs">
          {TABS.map((id, i) => (
            <button
              key={id}
              ref={(el) => {
                buttons.current[id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              data-testid={`options-tab-${id}`}
              onClick={() => choose(id)}
              onKeyDown={(e) => {
                const to = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
                if (!to) return;
                e.preventDefault();
                choose(to, true);
              }}
            >
              {label[id]}
            </button>
          ))}
        </div>
      </header>
      {tab === 'queue' ? (
        <main>
          <div role="tabpanel" id="panel-queue" aria-labelledby="tab-queue" class="options-queue">
            <iframe src="queue.html" title={t('queueTitle')} data-testid="options-queue-frame" />
          </div>
        </main>
      ) : (
        <main>
          <div role="tabpanel" id="panel-settings" aria-labelledby="tab-settings">
            <OptionsApp />
          </div>
        </main>
      )}
    </>
  );
}
