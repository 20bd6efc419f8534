/**
 * Applying what was pulled: one page of changes and the checkpoint after it, in one transaction, so a worker
 * stopped between pages resumes after the last whole page and nothing is applied twice. Applied changes
 * update the sync records too, so they never count as local changes (no echo back to the server).
 */
import type { CaseId } from '../domain/case-id';
import type { RemovedCase } from './removed-case';

export type { RemovedCase };
import type { Tag } from '../domain/tag';
import type { Template } from '../domain/template';
import { replyOf } from '../domain/case-event';
import { fromStored, toStored, type LoketDatabase, type PulledEvent, type StoredEvent } from '../storage/db';
import type { Checkpoint } from '../storage/sync-records';
import { presenceKey } from '../storage/presence-store';
import { asCaseRecord, caseRecord, deleteCaseLocally, ownEvents } from './case-records';
import { caseIdOfDoc, caseIdOfEventDoc, caseVersionOf, localTemplate, sharedEvent, tagDoc, teamTemplate, templateDoc, type RemoteDoc, type SharedEvent } from './docs';
import { itemContent, mergeItems, nextTemplateOrder, type ItemDoc } from './item-push';
import { localVersion, sameAgentFields } from './local-changes';
import { mergeCases, stableJson, type SyncedCase } from './merge';

export interface PullContext {
  epoch: string;
  clientId: string;
  /** Stamps a tag changed here and not pushed yet, when it meets a change from the server. */
  now: number;
}

export interface AppliedBatch {
  /** Cases written or deleted here, for the views to hear of. */
  changed: CaseId[];
  /** Documents that changed something here. */
  applied: number;
  /** Cases merged with a local change; the merge is pending to be pushed. */
  merged: number;
  /** Cases deleted here because they were deleted on the server, for the audit log (no ids: counts only). */
  removed: RemovedCase[];
  /** Colleagues' presence documents applied (the team list and who is alerted may have changed). */
  presence: number;
}


async function countEvents(events: { index(name: 'by-case'): { count(range: IDBKeyRange): Promise<number> } }, caseId: CaseId): Promise<number> {
  return events.index('by-case').count(IDBKeyRange.bound([caseId, -Infinity], [caseId, Infinity]));
}

/** For a pulled reply event: the local event (its number) that keeps the same reply of the same case, if any. */
async function keptReply(
  events: { index(name: 'by-case'): { getAll(range: IDBKeyRange): Promise<StoredEvent[]> } },
  pulled: SharedEvent,
): Promise<number | undefined> {
  const reply = replyOf(pulled);
  if (!reply) return undefined;
  const known = await events.index('by-case').getAll(IDBKeyRange.bound([pulled.caseId, -Infinity], [pulled.caseId, Infinity]));
  return known.find((e) => replyOf(e)?.postId === reply.postId)?.seq;
}

/**
 * Applies one page of changes and the checkpoint after it, in one transaction. A case changed here since
 * the last agreement is merged (merge.ts) and left pending for the next push; one changed only on the
 * server is taken as it is.
 */
export async function applyPulledBatch(db: LoketDatabase, docs: readonly RemoteDoc[], ctx: PullContext, checkpoint: Checkpoint): Promise<AppliedBatch> {
  const tx = db.transaction(['cases', 'events', 'alerts', 'tags', 'templates', 'sync', 'syncMeta'], 'readwrite');
  const cases = tx.objectStore('cases');
  const events = tx.objectStore('events');
  const sync = tx.objectStore('sync');
  const result: AppliedBatch = { changed: [], applied: 0, merged: 0, removed: [], presence: 0 };
  let nextOrder: number | undefined;

  // What this page touches, read with every request in flight at once (a page holds each id once): one
  // round trip for the page, not two per document.
  const records = await Promise.all(docs.map((d) => sync.get(d.id)));
  const storedCases = await Promise.all(docs.map((d) => (d.kind === 'case' && caseIdOfDoc(d.id) ? cases.get(caseIdOfDoc(d.id)!) : undefined)));
  for (const [i, remote] of docs.entries()) {
    const record = records[i];
    if (remote.kind === 'case') {
      const caseId = caseIdOfDoc(remote.id);
      if (!caseId) continue;
      const caseRec = asCaseRecord(record);
      if (caseRec && caseRec.epoch === ctx.epoch && caseRec.rev === remote.rev) continue; // our own write coming back
      const stored = storedCases[i];
      const version = caseVersionOf(remote);
      if (version.deleted) {
        const local = stored && (fromStored(stored) as SyncedCase);
        if (local && !mergeCases(version, { deleted: false, case: local, clocks: caseRec?.clocks ?? { fields: {}, tags: {} } }).merged.deleted) {
          // Purged elsewhere, but changed here after the change the purge saw: the case stays and goes back to
          // the server on the tombstone's revision (merge.ts).
          await sync.put({ ...(caseRec ?? { id: remote.id, kind: 'case', updatedAt: 0, base: { tags: [], fields: {} }, clocks: { fields: {}, tags: {} } }), epoch: ctx.epoch, rev: remote.rev, pending: 1 });
          result.applied++;
          continue;
        }
        if (stored || caseRec) {
          if (stored) result.removed.push({ site: stored.site, reason: version.deletion?.kind === 'retention' ? 'retention' : 'request', events: await countEvents(events, caseId) });
          await deleteCaseLocally({ cases, events, alerts: tx.objectStore('alerts'), sync }, caseId);
          if (stored) result.changed.push(caseId);
          result.applied++;
        }
        continue;
      }
      const local = stored && (fromStored(stored) as SyncedCase);
      const unchanged = local && caseRec && !caseRec.pending && caseRec.updatedAt === local.updatedAt && sameAgentFields(local, caseRec.base);
      if (!local || unchanged) {
        if (!local || stableJson(local) !== stableJson(version.case)) {
          await cases.put(toStored(version.case));
          result.changed.push(caseId);
          result.applied++;
        }
        await sync.put(caseRecord(version, remote.rev, ctx.epoch));
        continue;
      }
      const mine = localVersion(local, caseRec, await ownEvents(events, caseId), ctx.clientId);
      const { merged } = mergeCases(mine, version);
      if (merged.deleted) continue;
      const differs = stableJson(merged.case) !== stableJson(version.case) || stableJson(merged.clocks) !== stableJson(version.clocks);
      if (stableJson(merged.case) !== stableJson(local)) {
        await cases.put(toStored(merged.case));
        result.changed.push(caseId);
      }
      // Agreed with the server as it is; what the merge kept from here is a local change on top of that.
      await sync.put(caseRecord(version, remote.rev, ctx.epoch, differs));
      result.applied++;
      result.merged++;
    } else if (remote.kind === 'settings') {
      // The team's shared settings (one document, set up by IT): kept for the purge to read.
      await tx.objectStore('syncMeta').put({ key: 'team', ...('deleted' in remote ? {} : remote.doc.team), rev: remote.rev });
      result.applied++;
    } else if (remote.kind === 'presence') {
      // A colleague's browser: who they are, when last seen, whether away (team.ts). This browser's own comes
      // back from the server too: what is here is newer or the same.
      const client = remote.id.slice('presence:'.length);
      if (client === ctx.clientId) continue;
      if ('deleted' in remote) await tx.objectStore('syncMeta').delete(remote.id);
      else await tx.objectStore('syncMeta').put({ key: presenceKey(client), presence: remote.doc.presence, rev: remote.rev });
      result.applied++;
      result.presence++;
    } else if (remote.kind === 'event') {
      const ownKey = remote.id.slice(remote.id.lastIndexOf(':') + 1);
      const ownSeq = ownKey.startsWith(`${ctx.clientId}-`) ? Number(ownKey.slice(ctx.clientId.length + 1)) : undefined;
      if ('deleted' in remote) {
        const seq = record?.kind === 'event' ? record.seq : ownSeq;
        const existing = seq === undefined ? undefined : await events.get(seq);
        // A purge elsewhere deletes a case's events with it; a case that lives on here (changed after the
        // purge saw it, merge.ts) keeps its history.
        const caseLives = existing !== undefined && (await cases.getKey(existing.caseId)) !== undefined;
        if (seq !== undefined && existing && existing.caseId === caseIdOfEventDoc(remote.id) && !caseLives) {
          await events.delete(seq);
          result.applied++;
        }
        continue;
      }
      if (record || ownSeq !== undefined) continue; // stored already
      // A reply this browser kept too (seen here as well, or this browser's own push coming back): one event.
      const same = await keptReply(events, remote.doc.event);
      if (same !== undefined) {
        await sync.put({ id: remote.id, kind: 'event', seq: same });
        continue;
      }
      const event: Omit<PulledEvent, 'seq'> = { ...sharedEvent(remote.doc), origin: { id: remote.id, epoch: ctx.epoch } };
      const seq = await events.add(event as PulledEvent);
      await sync.put({ id: remote.id, kind: 'event', seq });
      result.applied++;
    } else {
      const itemRec = record?.kind === 'item' ? record : undefined;
      if (itemRec && itemRec.epoch === ctx.epoch && itemRec.rev === remote.rev) continue;
      const isTag = remote.kind === 'tag';
      const localId = remote.id.slice(remote.id.indexOf(':') + 1);
      const local = isTag ? await tx.objectStore('tags').get(localId) : await tx.objectStore('templates').get(localId);
      if (!isTag && local && (local as Template).scope !== 'team') continue; // a personal template of the same id stays
      const localJson = local === undefined ? null : isTag ? stableJson(local) : stableJson(teamTemplate(local as Template));
      const unchanged = localJson === null || (itemRec !== undefined && !itemRec.pending && itemRec.base === localJson);
      if ('deleted' in remote) {
        if (local !== undefined) await (isTag ? tx.objectStore('tags').delete(localId) : tx.objectStore('templates').delete(localId));
        await sync.delete(remote.id);
        result.applied++;
        continue;
      }
      const serverDoc = remote.doc as ItemDoc;
      let winner: ItemDoc = serverDoc;
      if (!unchanged && localJson !== null) {
        const changedAt = isTag ? (itemRec && itemRec.base !== localJson ? ctx.now : (itemRec?.changedAt ?? 0)) : ((local as Template).updatedAt ?? 0);
        const mine: ItemDoc = isTag ? tagDoc(local as Tag, changedAt) : templateDoc(teamTemplate(local as Template)!, changedAt);
        winner = mergeItems(mine, serverDoc) ?? serverDoc;
      }
      const json = stableJson(itemContent(winner));
      if (json !== localJson) {
        if (winner.type === 'tag') await tx.objectStore('tags').put(winner.tag);
        else {
          nextOrder ??= await nextTemplateOrder(tx.objectStore('templates'));
          await tx.objectStore('templates').put(localTemplate(winner.template, local as Template | undefined, nextOrder++));
        }
        result.applied++;
      }
      const serverJson = stableJson(itemContent(serverDoc));
      await sync.put({ id: remote.id, kind: 'item', epoch: ctx.epoch, rev: remote.rev, base: serverJson, changedAt: serverDoc.changedAt, ...(json !== serverJson ? { pending: 1 as const } : {}) });
    }
  }
  await tx.objectStore('syncMeta').put(checkpoint);
  await tx.done;
  return result;
}
