import 'server-only';
import type { DbOrTx } from '@/db';
import { findCitizenAccess } from '@/lib/citizen-access/find-citizen-access';
import { citizenRecord, type CitizenRecord } from '@/lib/portal/citizen-record';
import { loadChildRecord } from '@/lib/records/load-child-record';
import { type CorrectableItem, correctableItems } from './correctable-items';

export type CorrectableRecord = { childId: string; record: CitizenRecord; items: CorrectableItem[] };

export type LoadCorrectableRecordOptions = { db: DbOrTx; citizenId: string; linkId: string; now?: Date };

/** The record a citizen may correct, with its items; null when they may not see it (then they may not correct it). */
export async function loadCorrectableRecord({ db, citizenId, linkId, now = new Date() }: LoadCorrectableRecordOptions): Promise<CorrectableRecord | null> {
  const access = await findCitizenAccess({ db, citizenId, linkId, now });
  if (!access.allowed) return null;
  const held = await loadChildRecord({ db, childId: access.childId });
  if (!held) return null;
  const record = citizenRecord(held, access.link.relationship);
  return { childId: access.childId, record, items: correctableItems(record) };
}
