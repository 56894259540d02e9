import type { AnchorBreak } from './verify-audit-anchors';
import type { AuditBreak } from './verify-audit-trail';

/** One line for a person reading `npm run cli -- audit verify`: where the chain breaks and what that means. */
export function describeAuditBreak(b: AuditBreak | AnchorBreak): string {
  switch (b.kind) {
    case 'anchor_log_missing':
      return `the anchor log ${b.logPath} is missing or empty: nothing outside the database vouches for the trail`;
    case 'anchor_line_broken':
      return {
        unreadable: `anchor log line ${b.line} is not an anchor (edited or damaged)`,
        unsigned: `anchor log line ${b.line} is not signed by the anchor key (edited, or written with another key)`,
        out_of_sequence: `anchor log line ${b.line} does not follow the line before it (lines removed, inserted or reordered)`,
        head_moved_back: `anchor log line ${b.line} anchors a chain at an earlier event than a line before it`,
      }[b.problem];
    case 'anchor_mismatch':
      return `chain ${b.chain}, seq ${b.seq}: the event anchored at ${b.anchoredAt} (anchor log line ${b.line}) is gone or has another hash (re-hashed or removed)`;
    case 'altered':
      return `chain ${b.chain}, seq ${b.seq}: event ${b.eventId} was altered (its hash does not match its contents)`;
    case 'details_altered':
      return `chain ${b.chain}, seq ${b.seq}: event ${b.eventId} has a reason or query that no longer matches its digest`;
    case 'missing':
      return b.fromSeq === b.toSeq
        ? `chain ${b.chain}, seq ${b.fromSeq}: the event is missing (removed)`
        : `chain ${b.chain}, seq ${b.fromSeq}–${b.toSeq}: ${b.toSeq - b.fromSeq + 1} events are missing (removed)`;
    case 'out_of_order':
      return `chain ${b.chain}, seq ${b.seq}: event ${b.eventId} does not follow the event before it (moved, swapped or inserted)`;
    case 'head_mismatch':
      return b.headSeq === null
        ? `chain ${b.chain}: its head is missing (the last event is seq ${b.lastSeq})`
        : `chain ${b.chain}: the head says seq ${b.headSeq}, the chain ends at seq ${b.lastSeq} (newest events removed, or added past the head)`;
    case 'unrecorded_redaction':
      return `chain ${b.chain}, seq ${b.seq}: event ${b.eventId} lost its details without a recorded redaction`;
  }
}
