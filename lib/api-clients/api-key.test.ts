import { describe, expect, it } from 'vitest';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { parseApiKey } from './api-key';

describe('reading an API key', () => {
  it('finds the client id and secret of a well-formed key', () => {
    const { id, secret, key } = demoApiClient();
    expect(parseApiKey(key)).toEqual({ clientId: id, secret });
  });

  it('refuses a key whose id is not a uuid, before it reaches a query (PostgreSQL would answer with an error)', () => {
    const secret = 'A'.repeat(43);
    for (const id of ['-'.repeat(36), 'g'.repeat(36), `${'0'.repeat(8)}-${'0'.repeat(4)}-${'0'.repeat(4)}-${'0'.repeat(4)}-${'0'.repeat(11)}-`]) {
      expect(parseApiKey(`ci_${id}_${secret}`)).toBeNull();
    }
  });
});
