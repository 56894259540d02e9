import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { preparedFor } from '@/db/prepared';
import { children } from '@/db/schema';
import type { SearchMatch } from './find-children';
import type { BlockRow } from './search-blocks';

/** What a search shows of a child: enough to tell children apart. */
export type ShownDetails = Omit<SearchMatch, 'score' | 'reasons'>;
export type ChildDetails = ShownDetails & { status: 'live' | 'archived' | 'merged' };

export const shownFromRow = (row: BlockRow): ShownDetails => ({
  childId: row.id,
  indexNumber: row.index_number,
  givenNames: row.given_names,
  familyName: row.current_family_name,
  dateOfBirth: row.date_of_birth,
  gender: row.gender,
  postcodeDistrict: row.postcode_district,
  shielded: row.is_shielded,
});

export const shownOf = ({ status: _status, ...shown }: ChildDetails): ShownDetails => shown;

const detailColumns = {
  childId: children.id,
  indexNumber: children.indexNumber,
  givenNames: children.givenNames,
  familyName: children.familyName,
  dateOfBirth: children.dateOfBirth,
  gender: children.gender,
  postcodeDistrict: children.postcodeDistrict,
  shielded: children.isShielded,
  status: children.status,
};

const byIndexNumber = preparedFor((db: Database) =>
  db.select(detailColumns).from(children).where(eq(children.indexNumber, sql.placeholder('indexNumber'))).prepare('child_details_by_index_number'),
);
const byId = preparedFor((db: Database) =>
  db.select(detailColumns).from(children).where(eq(children.id, sql.placeholder('id'))).prepare('child_details_by_id'),
);

export async function childDetailsByIndexNumber(db: Database, indexNumber: string): Promise<ChildDetails | null> {
  const [child] = await byIndexNumber(db).execute({ indexNumber });
  return child ?? null;
}

export async function childDetailsById(db: Database, id: string): Promise<ChildDetails | null> {
  const [child] = await byId(db).execute({ id });
  return child ?? null;
}
