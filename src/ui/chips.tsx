/** A case's status in words and its tags as chips: shared by the toolbar in the page and the popup. */
import type { CaseStatus } from '../domain/case';
import { CHIP_TEXT } from '../domain/default-tags';
import type { Tag } from '../domain/tag';
import { t } from './i18n';

export function statusLabel(status: CaseStatus): string {
  return t(`status_${status}`);
}

/** A case's tags as coloured chips with their labels; a tag no longer in the set is shown as retired. */
export function TagChips({ ids, tags }: { ids: readonly string[]; tags: Tag[] | undefined }) {
  return (
    <ul class="chips" aria-label={t('tagsOnCase')} data-lk="chips">
      {ids.map((id) => {
        const tag = tags?.find((x) => x.id === id);
        return (
          <li class="chip" key={id} style={{ background: tag?.color ?? '#e0e0e0', color: CHIP_TEXT }}>
            {tags === undefined ? id : tag && !tag.retired ? tag.label : t('tagRetired', tag?.label ?? id)}
          </li>
        );
      })}
    </ul>
  );
}
