import { customType } from 'drizzle-orm/pg-core';

/** drizzle-orm 0.45 has no bytea column of its own. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
