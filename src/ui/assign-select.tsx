/**
 * "Toewijzen": assign a case to a colleague from the team list, take it over, or release it to the pool. A
 * native <select>, so it is keyboard operable and labelled everywhere (popup row, work queue, the in-page
 * toolbar's closed shadow root); as in StatusSelect, a keyboard choice applies on Enter or when focus leaves
 * (a closed select fires `change` on every arrow key), a mouse choice at once, and Escape takes it back.
 */
import { useRef, useState } from 'preact/hooks';
import { isAwayAt, sameAgent, type TeamMember } from '../domain/team';
import { t } from './i18n';

/** The value of the "release" option: no name can be it (names are trimmed and non-empty). */
const RELEASE = '\u0000release';

export interface AssignSelectProps {
  /** The case's assignee now (absent: nobody's). */
  assignee?: string | undefined;
  me: string;
  team: readonly TeamMember[];
  now: number;
  /** A name, or null: released to the pool. */
  onAssign(to: string | null): void;
  label: string;
  testId?: string;
  lk?: string;
  disabled?: boolean;
  /** A choice for a selection of cases (the queue's bulk bar): "release" always offered. */
  bulk?: boolean;
}

/** The names to offer: me first, then the team, without the current assignee. */
export function assignChoices(team: readonly TeamMember[], me: string, assignee: string | undefined, now: number): Array<{ name: string; away: boolean }> {
  const out: Array<{ name: string; away: boolean }> = [];
  if (me !== '' && !sameAgent(me, assignee)) out.push({ name: me, away: false });
  for (const m of team) {
    if (sameAgent(m.name, me) || sameAgent(m.name, assignee)) continue;
    out.push({ name: m.name, away: isAwayAt(m.away, now) });
  }
  return out;
}

export function AssignSelect(props: AssignSelectProps) {
  const [pending, setPending] = useState<string | null>(null);
  const keyboard = useRef(false);
  const apply = (value: string) => {
    if (value === '') return;
    props.onAssign(value === RELEASE ? null : value);
  };
  const commit = () => {
    if (pending !== null) apply(pending);
    setPending(null);
  };
  const choices = assignChoices(props.team, props.me, props.bulk ? undefined : props.assignee, props.now);
  return (
    <select
      data-lk={props.lk}
      data-testid={props.testId}
      aria-label={props.label}
      value={pending ?? ''}
      disabled={props.disabled}
      onMouseDown={() => (keyboard.current = false)}
      onKeyDown={(e) => {
        keyboard.current = true;
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape' && pending !== null) {
          e.preventDefault();
          e.stopPropagation();
          setPending(null);
        }
      }}
      onBlur={commit}
      onChange={(e) => {
        const value = (e.currentTarget as HTMLSelectElement).value;
        if (keyboard.current) setPending(value);
        else apply(value);
      }}
    >
      <option value="">{t('assignChoose')}</option>
      {choices.map((c) => (
        <option value={c.name} key={c.name}>
          {sameAgent(c.name, props.me) ? t('assignToMeOption', c.name) : c.away ? t('assignAway', c.name) : c.name}
        </option>
      ))}
      {(props.bulk || props.assignee) && <option value={RELEASE}>{t('assignRelease')}</option>}
    </select>
  );
}
