/**
 * Office hours and the response promise: opening hours per weekday (split shifts), public holidays, the
 * municipality's own closing days, and the SLA targets per site. Timers count office time only, so what is
 * set here decides when every waiting case is due; saving works every due time out again.
 */
import { useMemo, useState } from 'preact/hooks';
import { calendarProblems } from '../domain/office-calendar-schema';
import { dutchHolidays, type OfficeCalendar, type Shift, type Weekday } from '../domain/office-hours';
import { SITES, siteLabel, type Site } from '../domain/site';
import type { SlaPolicy } from '../domain/sla-policy';
import { send } from '../protocol/client';
import type { Settings } from '../protocol/messages';
import { uiLocale, t } from '../ui/i18n';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const MIN = 60_000;

/** "maandag" … "zondag" in the UI language (1 January 2024 was a Monday). */
const weekdayName = (d: Weekday) => new Date(Date.UTC(2024, 0, d)).toLocaleDateString(uiLocale(), { weekday: 'long', timeZone: 'UTC' });

export interface OfficeHoursFormProps {
  settings: Settings;
  onSaved(settings: Settings): void;
  /** The organisation set these by policy: shown, not editable. */
  locked: boolean;
}

export function OfficeHoursForm({ settings, onSaved, locked }: OfficeHoursFormProps) {
  const [cal, setCal] = useState<OfficeCalendar>(settings.officeHours);
  const [sla, setSla] = useState<SlaPolicy>(settings.sla);
  const [newDay, setNewDay] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const year = new Date().getFullYear();
  const holidays = useMemo(() => dutchHolidays(year, cal), [year, cal.goodFriday, cal.liberationDay]);
  const problems = calendarProblems(cal);

  // Calendars are cached by object by the office-time functions: every change makes a new one.
  const setShifts = (day: Weekday, shifts: Shift[]) => setCal({ ...cal, week: { ...cal.week, [day]: shifts } });
  const minutes = (ms: number | undefined) => (ms === undefined ? '' : String(Math.round(ms / MIN)));
  const fromMinutes = (value: string) => Math.max(0, Math.round(Number(value) * MIN));

  const save = async (e: Event) => {
    e.preventDefault();
    if (problems.length > 0) return setStatus({ kind: 'error', text: t('officeHoursInvalid', problems.join(' ')) });
    try {
      const saved = await send('settings/save', { settings: { ...settings, officeHours: cal, sla } });
      onSaved(saved);
      setStatus({ kind: 'ok', text: t('officeHoursSaved') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('errorPrefix', error instanceof Error ? error.message : String(error)) });
    }
  };

  const minutesField = (id: string, label: string, value: number | undefined, onValue: (ms: number | undefined) => void, optional = false) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={minutes(value)}
        onInput={(e) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          onValue(optional && v === '' ? undefined : fromMinutes(v));
        }}
      />
    </div>
  );

  return (
    <form onSubmit={save} aria-labelledby="hours-heading" data-testid="office-hours">
      <h2 id="hours-heading">{t('officeHoursHeading')}</h2>
      <p class="muted">{t('officeHoursIntro')}</p>
      {locked && (
        <p class="managed" data-testid="hours-managed">
          {t('managedSection')}
        </p>
      )}
      <fieldset disabled={locked}>
        <legend>{t('openingHoursLegend')}</legend>
        <table class="hours">
          <tbody>
            {WEEKDAYS.map((day) => {
              const shifts = cal.week[day];
              const name = weekdayName(day);
              return (
                <tr key={day} data-weekday={day}>
                  <th scope="row">{name}</th>
                  <td>
                    {shifts.length === 0 && <span class="muted">{t('closedDay')}</span>}
                    {shifts.map((shift, i) => (
                      <span class="shift" key={i}>
                        <input
                          type="time"
                          value={shift.start}
                          aria-label={t('shiftStart', name, String(i + 1))}
                          onInput={(e) => setShifts(day, shifts.map((s, j) => (j === i ? { ...s, start: (e.currentTarget as HTMLInputElement).value } : s)))}
                        />
                        –
                        <input
                          type="time"
                          value={shift.end === '24:00' ? '23:59' : shift.end}
                          aria-label={t('shiftEnd', name, String(i + 1))}
                          onInput={(e) => setShifts(day, shifts.map((s, j) => (j === i ? { ...s, end: (e.currentTarget as HTMLInputElement).value } : s)))}
                        />
                        <button type="button" aria-label={t('shiftRemove', name, String(i + 1))} onClick={() => setShifts(day, shifts.filter((_, j) => j !== i))}>
                          ×
                        </button>
                      </span>
                    ))}
                    <button
                      type="button"
                      aria-label={t('shiftAdd', name)}
                      onClick={() => setShifts(day, [...shifts, shifts.length === 0 ? { start: '08:30', end: '17:00' } : { start: '13:00', end: '17:00' }])}
                    >
                      +
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      <fieldset disabled={locked}>
        <legend>{t('holidaysLegend')}</legend>
        <label>
          <input type="checkbox" checked={cal.goodFriday} onChange={(e) => setCal({ ...cal, goodFriday: (e.currentTarget as HTMLInputElement).checked })} />{' '}
          {t('goodFridayClosed')}
        </label>
        <div class="field">
          <label for="liberation">{t('liberationDayLabel')}</label>
          <select id="liberation" value={cal.liberationDay} onChange={(e) => setCal({ ...cal, liberationDay: (e.currentTarget as HTMLSelectElement).value as OfficeCalendar['liberationDay'] })}>
            <option value="lustrum">{t('liberationLustrum')}</option>
            <option value="every-year">{t('liberationEveryYear')}</option>
            <option value="never">{t('liberationNever')}</option>
          </select>
        </div>
        <details>
          <summary>{t('holidaysThisYear', String(year))}</summary>
          <ul data-testid="holidays">
            {holidays.map((h) => (
              <li key={h.id}>
                {new Date(`${h.date}T12:00:00Z`).toLocaleDateString(uiLocale(), { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' })}: {h.name}
              </li>
            ))}
          </ul>
        </details>
        <div class="field">
          <label for="closing-day">{t('closingDayLabel')}</label>
          <span>
            <input id="closing-day" type="date" value={newDay} onInput={(e) => setNewDay((e.currentTarget as HTMLInputElement).value)} />{' '}
            <button
              type="button"
              disabled={!newDay || cal.closingDays.includes(newDay)}
              onClick={() => {
                setCal({ ...cal, closingDays: [...cal.closingDays, newDay].sort() });
                setNewDay('');
              }}
            >
              {t('closingDayAdd')}
            </button>
          </span>
        </div>
        {cal.closingDays.length > 0 && (
          <ul aria-label={t('closingDaysList')}>
            {cal.closingDays.map((day) => (
              <li key={day}>
                {day}{' '}
                <button type="button" aria-label={t('closingDayRemove', day)} onClick={() => setCal({ ...cal, closingDays: cal.closingDays.filter((d) => d !== day) })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset disabled={locked}>
        <legend>{t('slaLegend')}</legend>
        {SITES.map((site) =>
          minutesField(`sla-${site}`, t('slaFirstResponse', siteLabel(site)), sla.firstResponseMs[site], (ms) =>
            setSla({ ...sla, firstResponseMs: { ...sla.firstResponseMs, [site]: ms ?? 0 } }),
          ),
        )}
        {SITES.map((site) =>
          minutesField(`sla-resolve-${site}`, t('slaResolution', siteLabel(site)), sla.resolutionMs[site], (ms) => setSla({ ...sla, resolutionMs: withTarget(sla.resolutionMs, site, ms) }), true),
        )}
        {minutesField('sla-soon', t('slaSoon'), sla.soonMs, (ms) => setSla({ ...sla, soonMs: ms ?? 0 }))}
      </fieldset>
      {problems.length > 0 && (
        <ul class="error" aria-label={t('officeHoursProblems')}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <button type="submit" class="primary" disabled={locked}>
        {t('officeHoursSave')}
      </button>{' '}
      <span role="status" class={status?.kind === 'error' ? 'error' : 'ok'} data-testid="hours-status">
        {status?.text ?? ''}
      </span>
    </form>
  );
}

function withTarget(targets: SlaPolicy['resolutionMs'], site: Site, ms: number | undefined): SlaPolicy['resolutionMs'] {
  const next = { ...targets };
  if (ms === undefined) delete next[site];
  else next[site] = ms;
  return next;
}
