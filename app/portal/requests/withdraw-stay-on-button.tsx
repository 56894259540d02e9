import { withdrawStayOnAction } from './withdraw-stay-on.action';

export function WithdrawStayOnButton({ stayOnRequestId }: { stayOnRequestId: string }) {
  return (
    <form action={withdrawStayOnAction}>
      <input type="hidden" name="stayOnRequestId" value={stayOnRequestId} />
      <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
        Withdraw this request
      </button>
    </form>
  );
}
