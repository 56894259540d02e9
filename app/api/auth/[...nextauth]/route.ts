import { handlers } from '@/lib/auth/next-auth';
import { sameOriginOnly } from '@/lib/http/cross-site';

export const { GET } = handlers;
// next-auth checks its own CSRF token too; this refuses another site's post before it gets that far.
export const POST = sameOriginOnly(handlers.POST);
