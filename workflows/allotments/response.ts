import { allHandlersFinished, ApplicationFailure, condition, log, patched, setHandler } from '@temporalio/workflow';
import { refuseTemporalCancel, shieldFromTemporalCancel } from '../platform/cancellation';
import { publishStatus } from '../platform/status';
import { invitationOpened, ledger, mail, responseRowCommitted } from './activity-profiles';
import { reminderInstant } from '../../src/domain/allotments/invitations';
import { isLaterExpiry, responseAllows, type ResponseAction } from '../../src/domain/allotments/lifecycle';
import {
  completeResponseUpdate,
  extendResponseUpdate,
  invitationStateQuery,
  ResponseFailure,
  type InvitationState,
  type Requester,
  type ResponseWorkflowInput,
  responseWorkflowId,
} from './response-definitions';

// 'completing' and 'expiring' close the door the moment a transition begins, so a completion
// can never race an expiry that is already being written (or the other way round).
type Phase = 'open' | 'completing' | 'expiring' | InvitationState;

/**
 * One invitation: invited → completed (update from the completion endpoint) or → expired when
 * its expiry instant passes. The timer is the real calendar duration (14 days by default).
 * It first waits for its response to be committed (and takes the response's hand-off entry,
 * learning whether the invitation is e-mailed); a response that never commits leaves the run
 * `abandoned`.
 *
 * `temporal workflow cancel` is refused: there is nothing to clean up that completing it or
 * letting it expire does not do (docs/temporal-ops.md), so the invitation goes on.
 */
export async function responseWorkflow(input: ResponseWorkflowInput): Promise<InvitationState | 'abandoned'> {
  const shield = shieldFromTemporalCancel(() =>
    refuseTemporalCancel(responseWorkflowId(input.responseId), `complete it (POST /v1/responses/${input.responseId}/complete) or let it expire`),
  );
  return shield.run(() => invitation(input, shield.run));
}

async function invitation(input: ResponseWorkflowInput, shielded: <T>(fn: () => Promise<T>) => Promise<T>): Promise<InvitationState | 'abandoned'> {
  // Since 'handoff-knows-mail' the first step also says whether there is an e-mail to send. It
  // implies the two patches before it, which are asked only of older executions, so a new
  // execution records one patch marker (and one search-attribute upsert) instead of three.
  const knowsMail = patched('handoff-knows-mail');
  // Executions started before this step existed go straight on (they ran after their commit).
  const awaitsRow = knowsMail || patched('await-response-row');
  let rowCommitted = !awaitsRow;
  let phase: Phase = 'open';
  let expiresAt = new Date(input.expiresAt).getTime();
  const status = (): InvitationState => (phase === 'completed' || phase === 'expired' ? phase : 'invited');

  // What the validators judge by: a transition that has begun counts as done.
  const committed = (): InvitationState =>
    phase === 'open' ? 'invited' : phase === 'completing' ? 'completed' : phase === 'expiring' ? 'expired' : phase;
  const assertAllows = (action: ResponseAction) => {
    const now = committed();
    if (!responseAllows(now, action)) throw ApplicationFailure.nonRetryable(`The response is ${now}`, ResponseFailure.NOT_OPEN, now);
  };

  setHandler(invitationStateQuery, () => ({ status: status(), expiresAt: new Date(expiresAt).toISOString() }));
  setHandler(
    completeResponseUpdate,
    (by: Requester) =>
      shielded(async () => {
        phase = 'completing';
        if (!rowCommitted) await condition(() => rowCommitted);
        // Completions recorded before the requester was carried have no argument.
        await ledger.completeResponse(input.responseId, (by as Requester | undefined)?.actor);
        phase = 'completed';
        publishStatus(phase);
        return { status: phase };
      }),
    { validator: (_: Requester) => assertAllows('complete') },
  );
  setHandler(
    extendResponseUpdate,
    ({ expiresAt: next, actor }) =>
      shielded(async () => {
        expiresAt = new Date(next).getTime();
        if (!rowCommitted) await condition(() => rowCommitted);
        await ledger.extendResponse(input.responseId, next, actor);
        return { expiresAt: next };
      }),
    {
      validator: ({ expiresAt: next }) => {
        assertAllows('extend');
        if (!isLaterExpiry(expiresAt, new Date(next).getTime())) {
          throw ApplicationFailure.nonRetryable(`The new expiry must be later than ${new Date(expiresAt).toISOString()}`, ResponseFailure.EXPIRY_NOT_LATER);
        }
      },
    },
  );

  // Whether there is an e-mail to send: the first step says so since 'handoff-knows-mail';
  // executions started before it ask the e-mail activity, which answers 'not_notified'.
  let mailed = true;
  if (awaitsRow) {
    const opened = knowsMail
      ? await invitationOpened(input.responseId)
      : (await responseRowCommitted(input.responseId)) ? { mailed: true } : null;
    if (!opened) {
      publishStatus('abandoned');
      return 'abandoned';
    }
    rowCommitted = true;
    mailed = opened.mailed;
  }

  // The respondent's invitation e-mail, and then a reminder before each expiry instant
  // (executions started before e-mails existed send none). An invitation without e-mails
  // goes straight to its wait: no activity, so its first workflow task is its only one.
  let remindDays: number | null = null;
  let remindedFor: number | undefined;
  if ((knowsMail || patched('invitation-mail')) && rowCommitted && mailed) remindDays = await invitationMail(input.responseId);

  // Each extension restarts the wait with the new instant; a completion ends it.
  while (phase === 'open') {
    const deadline = expiresAt;
    const remindAt = remindDays && remindedFor !== deadline ? reminderInstant(deadline, remindDays) : undefined;
    // No reminder with 0 days; one whose instant has already passed (a short expiry, a late extension) is not sent.
    if (remindAt !== undefined && remindAt > Date.now()) {
      const interrupted = await condition(() => phase !== 'open' || expiresAt !== deadline, remindAt - Date.now());
      if (!interrupted) {
        remindedFor = deadline;
        await reminderMail(input.responseId, new Date(deadline).toISOString());
      }
      continue;
    }
    await condition(() => phase !== 'open' || expiresAt !== deadline, Math.max(deadline - Date.now(), 1));
    if (responseAllows(committed(), 'expire') && expiresAt === deadline) {
      phase = 'expiring';
      await ledger.expireResponse(input.responseId, new Date(deadline).toISOString());
      phase = 'expired';
      publishStatus(phase);
    }
  }
  await condition(() => (phase === 'completed' || phase === 'expired') && allHandlersFinished());
  return status();
}

/**
 * The invitation e-mail: the days before an expiry its reminder goes, or null (no e-mails for this
 * response). The invitation goes on whatever happens to its e-mail: one that cannot be sent is logged.
 */
async function invitationMail(responseId: string): Promise<number | null> {
  try {
    return (await mail.sendResponseInvitation(responseId)).reminderDaysBeforeExpiry;
  } catch (err) {
    log.error('invitation e-mail could not be sent', { responseId, error: String(err) });
    return null;
  }
}

async function reminderMail(responseId: string, expiresAt: string): Promise<void> {
  try {
    await mail.sendResponseReminder(responseId, expiresAt);
  } catch (err) {
    log.error('invitation reminder could not be sent', { responseId, error: String(err) });
  }
}
