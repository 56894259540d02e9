'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Textarea } from '../../../../_components/form/textarea';
import { replyAction, type ReplyState } from './reply.action';

export function ReplyForm({ requestId, reference }: { requestId: string; reference: string }) {
  const [state, action, pending] = useActionState<ReplyState, FormData>(replyAction, {});
  const errors = state.errors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <Textarea name="message" label={`Your reply about ${reference}`} strongLabel error={errors.message} defaultValue={state.values?.message} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Send reply
        </button>
      </form>
    </>
  );
}
