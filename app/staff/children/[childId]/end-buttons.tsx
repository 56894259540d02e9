import { endIndicationAction, endInvolvementAction } from './end-item.action';

type Context = { childId: string; purpose: number };

function EndButton({ action, idField, id, label, context }: { action: (formData: FormData) => Promise<void>; idField: string; id: string; label: string; context: Context }) {
  return (
    <form action={action}>
      <input type="hidden" name={idField} value={id} />
      <input type="hidden" name="childId" value={context.childId} />
      <input type="hidden" name="purpose" value={context.purpose} />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
        {label}
      </button>
    </form>
  );
}

export const EndInvolvementButton = ({ id, context }: { id: string; context: Context }) => (
  <EndButton action={endInvolvementAction} idField="involvementId" id={id} label="End my involvement" context={context} />
);

export const EndIndicationButton = ({ id, context }: { id: string; context: Context }) => (
  <EndButton action={endIndicationAction} idField="indicationId" id={id} label="End" context={context} />
);
