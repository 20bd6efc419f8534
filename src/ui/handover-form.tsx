/** The KCC handover form inside the toolbar: a category and a short note, both required. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { KCC_CATEGORIES } from '../domain/handover';
import { t } from './i18n';

export interface HandoverFormProps {
  onSubmit(category: string, note: string): void;
  onClose(): void;
  idPrefix: string;
  /** The KCC's categories (the organisation's policy); Loket's own when absent. */
  categories?: readonly string[];
}

export function HandoverForm(props: HandoverFormProps) {
  const [category, setCategory] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const id = (s: string) => `${props.idPrefix}-${s}`;
  const missingCategory = tried && category === '';
  const missingNote = tried && note.trim() === '';

  return (
    <form
      class="picker handover"
      data-lk="handover"
      aria-labelledby={id('handover-heading')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (category && note.trim()) props.onSubmit(category, note.trim());
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <p class="heading" id={id('handover-heading')}>
        {t('handoverHeading')}
      </p>
      <label class="field">
        <span>{t('handoverCategory')}</span>
        <select
          ref={first}
          data-lk="handover-category"
          value={category}
          required
          aria-invalid={missingCategory}
          aria-describedby={missingCategory ? id('cat-error') : undefined}
          onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('handoverChoose')}</option>
          {(props.categories ?? KCC_CATEGORIES).map((c) => (
            <option value={c} key={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {missingCategory && (
        <p class="warning" id={id('cat-error')}>
          {t('handoverNeedsCategory')}
        </p>
      )}
      <label class="field">
        <span>{t('handoverNote')}</span>
        <textarea
          data-lk="handover-note"
          rows={3}
          maxLength={2000}
          required
          value={note}
          aria-invalid={missingNote}
          aria-describedby={`${id('note-help')}${missingNote ? ` ${id('note-error')}` : ''}`}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <small class="help" id={id('note-help')}>
        {t('handoverNoteHelp')}
      </small>
      {missingNote && (
        <p class="warning" id={id('note-error')}>
          {t('handoverNeedsNote')}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" data-lk="handover-submit">
          {t('handoverSubmit')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('handoverCancel')}
        </button>
      </div>
    </form>
  );
}
