import 'server-only';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db';
import { citizenAccounts, correctionMessages, correctionRequests, shields, staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { queueEmail } from '@/lib/email/queue-email';
import type { Caseworker } from '@/lib/kernel/actors';
import { AppError } from '@/lib/kernel/errors';
import { CHANGE_SCHEMAS, changeKeyOf, type CorrectionChange } from '@/lib/validation/correction-change';
import { applyChange } from './apply-change';
import { hasConflictOfInterest } from '@/lib/records/conflict-of-interest';
import { loadCurrentItem } from './current-item';
import { nextStatus, type RequestAction } from '@/lib/corrections/request-transitions';
import { requesterEmails } from './requester-emails';
import { suggestChange } from './suggest-change';

/** What a caseworker asks for. `apply` approves the change as asked, or — if they edited it — proposes it for a second pair of eyes. */
export type CaseworkCommand =
  | { kind: 'assign'; toStaffId: string }
  | { kind: 'ask_for_information'; question: string }
  | { kind: 'apply'; change: CorrectionChange; expectedVersion: number }
  | { kind: 'confirm_edit'; expectedVersion: number }
  | { kind: 'return_edit'; note: string }
  | { kind: 'refuse'; reason: string }
  | { kind: 'close'; reason: string };

export type ActOnRequestOptions = { db: Database; caseworker: Caseworker; requestId: string; command: CaseworkCommand; clientAddress?: string | null; now?: Date };

type Request = typeof correctionRequests.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A request in the caseworker's own council's queue (or in no council's), locked for the decision. */
async function lockRequest(db: DbOrTx, requestId: string, caseworker: Caseworker): Promise<Request> {
  const [request] = await db
    .select()
    .from(correctionRequests)
    .where(and(eq(correctionRequests.id, requestId), or(eq(correctionRequests.localAuthorityCode, caseworker.localAuthorityCode), isNull(correctionRequests.localAuthorityCode))))
    .for('update');
  if (!request) throw new AppError('not_found', 'There is no such request in your council’s queue');
  // A request that reached every queue (no council when it arrived) about a child shielded since: only the council
  // holding the shield may act on it, as only it may read it (viewRequest).
  const [shield] = await db
    .select({ code: shields.responsibleLocalAuthorityCode })
    .from(shields)
    .where(and(eq(shields.childId, request.childId), isNull(shields.liftedAt)));
  if (shield && shield.code !== caseworker.localAuthorityCode) {
    throw new AppError('forbidden', 'This request is about a shielded child: only the index team holding the shield can act on it.');
  }
  return request;
}

function sameChange(a: CorrectionChange['value'], b: CorrectionChange['value']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => ((a as Record<string, unknown>)[k] ?? null) === ((b as Record<string, unknown>)[k] ?? null));
}

/** The change as the requester asked for it, if it reads as a valid change at all. */
function changeAsAsked(request: Request): CorrectionChange | null {
  const key = changeKeyOf(request.itemKind, request.field);
  if (!key) return null;
  // Fields the requester gave (an address) are what they asked for; otherwise a reading of their words.
  const given = request.requestedChange ? Object.fromEntries(Object.entries(request.requestedChange).map(([field, value]) => [field, value ?? ''])) : null;
  const parsed = CHANGE_SCHEMAS[key].safeParse(given ?? suggestChange(key, request.requestedValue));
  return parsed.success ? ({ key, value: parsed.data } as CorrectionChange) : null;
}

function actionOf(command: CaseworkCommand, request: Request): RequestAction {
  if (command.kind !== 'apply') return command.kind;
  const asked = changeAsAsked(request);
  return asked && asked.key === command.change.key && sameChange(asked.value, command.change.value) ? 'approve' : 'propose_edit';
}

async function requesterEmail(db: DbOrTx, request: Request): Promise<string | null> {
  if (!request.requestedByCitizenId) return null;
  const [citizen] = await db.select({ email: citizenAccounts.email }).from(citizenAccounts).where(eq(citizenAccounts.id, request.requestedByCitizenId));
  return citizen?.email ?? null;
}

/**
 * Everything the index team does to a correction request, each in one transaction with the request locked: the
 * move is checked against the allowed transitions, four eyes and conflicts of interest; an approved change is
 * applied with its record version; the audit event and the requester's email are written with it.
 * Returns the status the request moved to.
 */
export async function actOnRequest({ db, caseworker, requestId, command, clientAddress = null, now = new Date() }: ActOnRequestOptions): Promise<Request['status']> {
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, requestId, caseworker);
    const action = actionOf(command, request);
    const status = nextStatus(request.status, action);

    if (await hasConflictOfInterest({ db: tx, caseworker, childId: request.childId })) {
      throw new AppError('forbidden', 'This request is about a child who shares your family name and address. Ask a colleague to deal with it.');
    }
    if ((action === 'approve' || action === 'confirm_edit') && request.raisedByStaffId === caseworker.id) {
      throw new AppError('forbidden', 'You took this request down, so another caseworker must approve it.');
    }
    if (action === 'confirm_edit' && request.proposedByStaffId === caseworker.id) {
      throw new AppError('forbidden', 'You edited this change, so another caseworker must approve it.');
    }
    if (action === 'ask_for_information' && request.raisedBySourceSystemId) {
      throw new AppError('invalid', 'A source load raised this change: nobody can answer a question here. Apply it or refuse it with a reason.');
    }

    const update: Partial<typeof correctionRequests.$inferInsert> = { status };
    const email = await requesterEmail(tx, request);
    const audit: Record<string, unknown> = { requestId, from: request.status, to: status };

    switch (command.kind) {
      case 'assign': {
        const [colleague] = await tx
          .select()
          .from(staffUsers)
          .where(and(eq(staffUsers.id, command.toStaffId), eq(staffUsers.role, 'caseworker'), eq(staffUsers.localAuthorityCode, caseworker.localAuthorityCode), eq(staffUsers.status, 'active')));
        if (!colleague) throw new AppError('invalid', 'Choose a caseworker in your council’s index team');
        if (await hasConflictOfInterest({ db: tx, caseworker: colleague, childId: request.childId })) {
          throw new AppError('invalid', `${colleague.displayName} cannot deal with this request: it is about a child who shares their family name and address.`);
        }
        update.assignedToStaffId = colleague.id;
        audit.assignedTo = colleague.id;
        break;
      }
      case 'ask_for_information':
        update.pausedAt = now;
        await tx.insert(correctionMessages).values({ requestId, author: 'staff', staffUserId: caseworker.id, body: command.question, createdAt: now });
        if (email) await queueEmail({ db: tx, email: requesterEmails.moreInformationNeeded(email, request.reference) });
        break;
      case 'apply':
      case 'confirm_edit': {
        const change = command.kind === 'apply' ? command.change : proposedChange(request);
        const item = await loadCurrentItem({ db: tx, childId: request.childId, itemKind: request.itemKind, field: request.field, itemId: request.itemId });
        if (!item || item.key !== change.key) throw new AppError('conflict', 'This item is no longer on the record, so it cannot be changed. Close the request with a reason.');
        if (action === 'propose_edit') {
          Object.assign(update, { proposedChange: change.value, proposedByStaffId: caseworker.id, proposedAt: now });
          break;
        }
        const version = await applyChange({
          db: tx,
          childId: request.childId,
          item,
          change,
          staffId: caseworker.id,
          reason: `Correction ${request.reference}`,
          requestId: request.id,
          expectedVersion: command.expectedVersion,
          now,
        });
        Object.assign(update, { decidedByStaffId: caseworker.id, decidedAt: now, appliedVersion: version });
        audit.version = version;
        if (email) await queueEmail({ db: tx, email: requesterEmails.corrected(email, request.reference) });
        break;
      }
      case 'return_edit':
        Object.assign(update, { proposedChange: null, proposedByStaffId: null, proposedAt: null });
        await tx.insert(correctionMessages).values({ requestId, author: 'staff', staffUserId: caseworker.id, body: `Edit sent back: ${command.note}`, createdAt: now });
        break;
      case 'refuse':
      case 'close':
        Object.assign(update, { decidedByStaffId: caseworker.id, decidedAt: now, decisionReason: command.reason });
        if (request.pausedAt) update.daysPaused = request.daysPaused + Math.floor((now.getTime() - request.pausedAt.getTime()) / DAY_MS);
        update.pausedAt = null;
        if (email) {
          const message = command.kind === 'refuse' ? requesterEmails.notChanged(email, request.reference) : requesterEmails.closed(email, request.reference);
          await queueEmail({ db: tx, email: message });
        }
        break;
    }

    await tx.update(correctionRequests).set(update).where(eq(correctionRequests.id, requestId));
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'staff', actorId: caseworker.id, organisationId: caseworker.organisationId, action: `correction.${action}`, query: audit, childIds: [request.childId], clientAddress },
    });
    return status;
  });
}

function proposedChange(request: Request): CorrectionChange {
  const key = changeKeyOf(request.itemKind, request.field);
  const parsed = key && request.proposedChange ? CHANGE_SCHEMAS[key].safeParse(request.proposedChange) : null;
  if (!key || !parsed?.success) throw new AppError('conflict', 'There is no edited change waiting to be approved on this request');
  return { key, value: parsed.data } as CorrectionChange;
}
