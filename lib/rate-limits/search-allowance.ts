import { env } from '@/lib/env.js';
import type { Allowance } from './spend-allowance';

/** How fast a member of staff, or a system client's key, may search (SEARCH_* settings). */
export const searchAllowance = (kind: 'staff' | 'api_client'): Allowance =>
  kind === 'staff'
    ? { burst: env.SEARCH_BURST_PER_USER, perMinute: env.SEARCH_PER_MINUTE_PER_USER }
    : { burst: env.SEARCH_BURST_PER_API_KEY, perMinute: env.SEARCH_PER_MINUTE_PER_API_KEY };
