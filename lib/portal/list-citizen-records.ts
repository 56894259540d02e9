import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { children, citizenRecordLinks, parentAccessRequests } from '@/db/schema';
import { type DeniedReason, findCitizenAccess } from '@/lib/citizen-access/find-citizen-access';

export type CitizenRecordEntry = {
  linkId: string;
  relationship: 'self' | 'parent';
  /** The child's first given name, which the citizen gave when linking; nothing more until access is allowed. */
  givenName: string;
  access: { allowed: true } | { allowed: false; reason: DeniedReason };
  /** A parent waiting for a young person's agreement: when they asked for it, if they have. */
  askedAt?: Date | null;
};

export type ListCitizenRecordsOptions = { db: Database; citizen: { id: string }; now?: Date };

/** The records a citizen has linked to their account, each with whether they may see it now. */
export async function listCitizenRecords({ db, citizen, now = new Date() }: ListCitizenRecordsOptions): Promise<CitizenRecordEntry[]> {
  const links = await db
    .select({ id: citizenRecordLinks.id, relationship: citizenRecordLinks.relationship, givenNames: children.givenNames })
    .from(citizenRecordLinks)
    .innerJoin(children, eq(children.id, citizenRecordLinks.childId))
    .where(and(eq(citizenRecordLinks.citizenId, citizen.id), isNull(citizenRecordLinks.revokedAt)))
    .orderBy(citizenRecordLinks.verifiedAt);
  const entries: CitizenRecordEntry[] = [];
  for (const link of links) {
    const access = await findCitizenAccess({ db, citizenId: citizen.id, linkId: link.id, now });
    let askedAt: Date | null | undefined;
    if (!access.allowed && access.reason === 'needs_agreement' && access.link?.carerId) {
      const [open] = await db
        .select({ at: parentAccessRequests.requestedAt })
        .from(parentAccessRequests)
        .where(and(eq(parentAccessRequests.childId, access.link.childId), eq(parentAccessRequests.carerId, access.link.carerId), isNull(parentAccessRequests.answeredAt)));
      askedAt = open?.at ?? null;
    }
    entries.push({
      linkId: link.id,
      relationship: link.relationship,
      givenName: link.givenNames.split(' ')[0]!,
      access: access.allowed ? { allowed: true } : { allowed: false, reason: access.reason },
      askedAt,
    });
  }
  return entries;
}
