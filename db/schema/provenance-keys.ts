import { foreignKey, type PgColumn } from 'drizzle-orm/pg-core';
import { sourceSystems } from './source-systems';
import { staffUsers } from './staff-users';

export const provenanceForeignKeys = (t: { sourceSystemId: PgColumn; recordedByStaffId: PgColumn }) => [
  foreignKey({ columns: [t.sourceSystemId], foreignColumns: [sourceSystems.id] }),
  foreignKey({ columns: [t.recordedByStaffId], foreignColumns: [staffUsers.id] }),
];
