/**
 * The team list for a view (popup, work queue, options, the open in-page toolbar): asked of the background
 * when the view needs it and again when the background says it changed (a colleague went away or came back).
 */
import { useEffect, useState } from 'preact/hooks';
import { onPush, send } from '../protocol/client';
import type { TeamView } from '../protocol/messages';

export const NO_TEAM: TeamView = { members: [], me: { name: '', role: 'webcare' }, synced: false };

/** `ready`: ask only from then on (the popup asks once its list is drawn, so its first reads go first). */
export function useTeam(ready = true): TeamView {
  const [team, setTeam] = useState<TeamView>(NO_TEAM);
  useEffect(() => {
    if (!ready) return;
    const lifetime = new AbortController();
    const load = () => send('team/list', {}).then((v) => !lifetime.signal.aborted && setTeam(v), () => undefined);
    void load();
    onPush({ 'team/changed': () => void load(), 'settings/changed': () => void load() }, lifetime.signal);
    return () => lifetime.abort();
  }, [ready]);
  return team;
}
