'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Textarea } from '../../../../_components/form/textarea';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { ZCorrectionReply } from '@/lib/validation/correction-request';
import { replyAction, type ReplyState } from './reply.action';

export function ReplyForm({ requestId, reference }: { requestId: string; reference: string }) {
  const [state, action, pending] = useActionState<ReplyState, FormData>(replyAction, {});
  const { register, onSubmit, errors } = useCheckedForm(ZCorrectionReply, action, state.errors);
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <Textarea {...register('message')} label={`Your reply about ${reference}`} strongLabel error={errors.message} defaultValue={state.values?.message} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Send reply
        </button>
      </form>
    </>
  );
}
