/**
 * Pushing tags and team templates: they are few, so each is compared whole with what was last agreed; a
 * deletion here becomes a tombstone. How two versions of one merge (mergeItems) is here too: pull uses it.
 */
import type { Tag } from '../domain/tag';
import type { Template } from '../domain/template';
import type { LoketDatabase } from '../storage/db';
import type { ItemSyncRecord } from '../storage/sync-records';
import { localTemplate, tagDoc, tagDocId, teamTemplate, templateDoc, templateDocId, tombstone, type TagDoc, type TeamTemplate, type TemplateDoc, type Tombstone } from './docs';
import { stableJson } from './merge';

export type ItemDoc = TagDoc | TemplateDoc;

export interface OutgoingItem {
  id: string;
  doc: ItemDoc | Tombstone;
  /** stableJson of the content sent, to see at commit time whether it changed meanwhile. */
  sent: string | null;
}

export function itemContent(doc: ItemDoc): Tag | TeamTemplate {
  return doc.type === 'tag' ? doc.tag : doc.template;
}

/** Tags and team templates that differ from what was last agreed, and those deleted here. */
export async function readItemChanges(db: LoketDatabase, epoch: string, now: number): Promise<OutgoingItem[]> {
  const tx = db.transaction(['tags', 'templates', 'sync']);
  const [tags, templates, records] = await Promise.all([
    tx.objectStore('tags').getAll(),
    tx.objectStore('templates').getAll(),
    tx.objectStore('sync').getAll(IDBKeyRange.bound('tag:', 'template:\uffff')),
  ]);
  await tx.done;
  const byId = new Map(records.filter((r): r is ItemSyncRecord => r.kind === 'item').map((r) => [r.id, r]));
  const out: OutgoingItem[] = [];
  const present = new Set<string>();
  const consider = (id: string, content: Tag | TeamTemplate, make: (changedAt: number, rev?: string) => ItemDoc, ownTime?: number) => {
    present.add(id);
    const record = byId.get(id);
    const json = stableJson(content);
    const rev = record?.epoch === epoch ? record.rev : undefined;
    if (record && record.base === json && rev && !record.pending) return;
    const changedAt = record && record.base === json ? record.changedAt : (ownTime ?? (record ? now : 0));
    out.push({ id, doc: make(changedAt, rev), sent: json });
  };
  for (const tag of tags) consider(tagDocId(tag.id), tag, (at, rev) => tagDoc(tag, at, rev));
  for (const template of templates) {
    const shared = teamTemplate(template);
    if (shared) consider(templateDocId(template.id), shared, (at, rev) => templateDoc(shared, at, rev), template.updatedAt ?? 0);
    else present.add(templateDocId(template.id)); // personal now: not shared, and not deleted for the team either
  }
  for (const [id, record] of byId) if (!present.has(id) && record.epoch === epoch && record.rev) out.push({ id, doc: tombstone(id, record.rev), sent: null });
  return out;
}

export interface PushedItem {
  item: OutgoingItem;
  rev: string;
  /** What the server holds now; null when it is deleted. */
  server: ItemDoc | null;
}

export async function commitItemPush(db: LoketDatabase, pushed: readonly PushedItem[], epoch: string): Promise<void> {
  const tx = db.transaction(['tags', 'templates', 'sync'], 'readwrite');
  let nextOrder: number | undefined;
  for (const { item, rev, server } of pushed) {
    const isTag = item.id.startsWith('tag:');
    const localId = item.id.slice(item.id.indexOf(':') + 1);
    const local = isTag ? await tx.objectStore('tags').get(localId) : await tx.objectStore('templates').get(localId);
    const localJson = local === undefined ? null : isTag ? stableJson(local) : stableJson(teamTemplate(local as Template));
    if (localJson !== item.sent) continue; // changed meanwhile: the next push sorts it out
    if (!server) {
      if (local !== undefined) await (isTag ? tx.objectStore('tags').delete(localId) : tx.objectStore('templates').delete(localId));
      await tx.objectStore('sync').delete(item.id);
      continue;
    }
    const content = itemContent(server);
    const json = stableJson(content);
    if (json !== localJson) {
      if (server.type === 'tag') await tx.objectStore('tags').put(server.tag);
      else {
        nextOrder ??= await nextTemplateOrder(tx.objectStore('templates'));
        await tx.objectStore('templates').put(localTemplate(server.template, local as Template | undefined, nextOrder++));
      }
    }
    await tx.objectStore('sync').put({ id: item.id, kind: 'item', epoch, rev, base: json, changedAt: server.changedAt });
  }
  await tx.done;
}

export async function nextTemplateOrder(store: { getAll(): Promise<Template[]> }): Promise<number> {
  return (await store.getAll()).reduce((max, t) => Math.max(max, t.order), -1) + 1;
}

/** Two versions of a tag or template: deletion wins, then the later change, then the larger JSON. */
export function mergeItems(a: ItemDoc | null, b: ItemDoc | null): ItemDoc | null {
  if (!a || !b) return null;
  if (a.changedAt !== b.changedAt) return a.changedAt > b.changedAt ? a : b;
  return stableJson(itemContent(a)) >= stableJson(itemContent(b)) ? a : b;
}
