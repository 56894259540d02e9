import { citizenHandlers } from '@/lib/auth/citizen-auth';

export const { GET, POST } = citizenHandlers;
