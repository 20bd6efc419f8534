/**
 * The B1 check under a reply's preview (the template picker): the Flesch-Douma score and level in words, whether
 * the text meets B1, and tips (long sentences, long words, officialese with a plainer word) behind a
 * disclosure. Advice only: it never blocks inserting. Said in text, not colour alone; the tips open with the
 * keyboard (a native <details>) and read as a list.
 *
 * The check itself runs where `check` says — in the content script, the background (message
 * `readability/check`, with the organisation's officialese list), so content.js carries no hyphenation
 * patterns. Asked once the text has been still for a moment; an answer for older text is dropped.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Readability, ReadabilityFinding, ReadabilityLevel } from '../domain/readability';
import { t, type MessageKey } from './i18n';

/** Characters of a long sentence shown in its tip. */
const EXCERPT = 60;

const levelKey = (level: ReadabilityLevel) => `readabilityLevel_${level.replace(/-/g, '_')}` as MessageKey;

function tip(text: string, f: ReadabilityFinding): string {
  if (f.kind === 'officialese') return t('readabilityOfficialese', f.word, f.plain);
  if (f.kind === 'long-word') return t('readabilityLongWord', f.word, String(f.syllables));
  const sentence = text.slice(f.start, f.end).replace(/\s+/g, ' ');
  return t('readabilityLongSentence', String(f.words), sentence.length > EXCERPT ? `${sentence.slice(0, EXCERPT - 1)}…` : sentence);
}

/** Milliseconds the text must stay unchanged before it is checked (typing in fill-in fields changes it). */
export const CHECK_AFTER_MS = 150;

export interface ReadabilityAdviceProps {
  text: string;
  /** The B1 check of a text (the background's, with the organisation's list). */
  check(text: string): Promise<Readability>;
  idPrefix: string;
}

export function ReadabilityAdvice({ text, check, idPrefix }: ReadabilityAdviceProps) {
  const [checked, setChecked] = useState<{ text: string; result: Readability } | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      check(text).then(
        (result) => current && setChecked({ text, result }),
        () => current && setChecked(null),
      );
    }, CHECK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, check]);
  // Until the answer for this text arrives, nothing (an answer for the previous text would point into it wrongly).
  if (!checked || checked.text !== text) return null;
  return <ReadabilityReport text={text} result={checked.result} idPrefix={idPrefix} />;
}

export interface ReadabilityReportProps {
  /** The text that was checked (the findings point into it). */
  text: string;
  result: Readability;
  idPrefix: string;
  /** Show the tips at once (the indicator's panel was opened to see them). */
  tipsOpen?: boolean;
}

/** The check's result in words: score, level, verdict and tips. Nothing for a text without words. */
export function ReadabilityReport({ text, result, idPrefix, tipsOpen = false }: ReadabilityReportProps) {
  if (result.score === null || result.level === null) return null;
  const headingId = `${idPrefix}-b1-label`;
  const score = formatScore(result.score);
  const level = levelText(result.level);
  return (
    <section class="readability" data-lk="readability" data-b1={result.passesB1 ? 'pass' : 'advice'} aria-labelledby={headingId}>
      <span class="preview-label" id={headingId}>
        {t('readabilityHeading')}
      </span>
      <p data-lk="readability-score" class={result.passesB1 ? 'muted' : 'advice'}>
        {result.passesB1 ? '✓ ' : '! '}
        {t(result.passesB1 ? 'readabilityPasses' : 'readabilityAdvice', score, level)}
      </p>
      {result.findings.length > 0 && (
        <details data-lk="readability-tips" open={tipsOpen}>
          <summary>{t('readabilityTips', String(result.findings.length))}</summary>
          <ul>
            {result.findings.map((f) => (
              <li key={`${f.kind}:${f.start}`}>{tip(text, f)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** A score as the interface shows it: whole, in the interface's locale. */
export const formatScore = (score: number): string => score.toLocaleString(t('dateLocale'), { maximumFractionDigits: 0 });

/** A level in the interface's words ("vrij moeilijk"). */
export const levelText = (level: ReadabilityLevel): string => t(levelKey(level));
