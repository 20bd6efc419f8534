/**
 * The status menu. A native <select> fires `change` on every arrow key while closed (Chrome, Edge), so a
 * keyboard user stepping through the options would move the case through each status on the way. Here a
 * choice made with the mouse applies at once; one made with the keyboard applies on Enter or when focus
 * leaves, and Escape takes it back.
 */
import { useRef, useState } from 'preact/hooks';
import type { CaseStatus } from '../domain/case';
import { statusChoices } from '../domain/case-lifecycle';
import { t } from './i18n';

export interface StatusSelectProps {
  status: CaseStatus;
  onStatus(status: CaseStatus): void;
  disabled?: boolean;
  label?: string;
  testId?: string;
  lk?: string;
}

export function StatusSelect(props: StatusSelectProps) {
  const [pending, setPending] = useState<CaseStatus | null>(null);
  const keyboard = useRef(false);
  const commit = () => {
    if (pending !== null && pending !== props.status) props.onStatus(pending);
    setPending(null);
  };
  return (
    <select
      data-lk={props.lk}
      data-testid={props.testId}
      aria-label={props.label}
      value={pending ?? props.status}
      disabled={props.disabled}
      onMouseDown={() => (keyboard.current = false)}
      onKeyDown={(e) => {
        keyboard.current = true;
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape' && pending !== null) {
          e.preventDefault();
          setPending(null);
        }
      }}
      onBlur={commit}
      onChange={(e) => {
        const value = (e.currentTarget as HTMLSelectElement).value as CaseStatus;
        if (keyboard.current) setPending(value);
        else props.onStatus(value);
      }}
    >
      {statusChoices(props.status).map((s) => (
        <option value={s} key={s}>
          {t(`status_${s}`)}
        </option>
      ))}
    </select>
  );
}
