/** Tags: the default set is added once; after that the set is the municipality's to change. */
import { DEFAULT_TAGS } from '../domain/default-tags';
import type { Tag } from '../domain/tag';
import type { LoketDatabase } from './db';

/** All tags, grouped in the order of the default set, then the rest by label. */
export async function listTags(db: LoketDatabase): Promise<Tag[]> {
  const tx = db.transaction('tags', 'readwrite');
  if ((await tx.store.count()) === 0) for (const tag of DEFAULT_TAGS) await tx.store.put(tag);
  const all = await tx.store.getAll();
  await tx.done;
  const order = new Map(DEFAULT_TAGS.map((t, i) => [t.id, i]));
  return all.sort((a, b) => (order.get(a.id) ?? 1e6) - (order.get(b.id) ?? 1e6) || a.label.localeCompare(b.label, 'nl'));
}
