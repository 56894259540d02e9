import { citizenHandlers } from '@/lib/auth/citizen-auth';
import { sameOriginOnly } from '@/lib/http/cross-site';

export const { GET } = citizenHandlers;
// next-auth checks its own CSRF token too; this refuses another site's post before it gets that far.
export const POST = sameOriginOnly(citizenHandlers.POST);
