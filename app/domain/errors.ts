/**
 * Every code a rule of the domain can refuse with. Callers match on them (a route turns TRAJECTORY.NOT_FOUND into a
 * 404, the import command adds advice to IMPORT.DUPLICATE), so a misspelt or removed code fails to compile instead of
 * never matching.
 */
export type ErrorCode =
  // account
  | "ACCOUNT.EMAIL_TAKEN"
  | "ACCOUNT.LAST_ADMIN"
  | "ACCOUNT.NOT_FOUND"
  | "ACCOUNT.SAME_PASSWORD"
  | "ACCOUNT.SELF_DISABLE"
  | "ACCOUNT.WEAK_PASSWORD"
  | "ACCOUNT.WRONG_PASSWORD"
  // attachment
  | "ATTACHMENT.NOT_FOUND"
  | "ATTACHMENT.TOO_LARGE"
  | "ATTACHMENT.TYPE_REFUSED"
  // auth
  | "AUTH.LOCKED"
  // data subject
  | "DATA_SUBJECT.NOTHING_CHOSEN"
  | "DATA_SUBJECT.NOT_A_MATCH"
  | "DATA_SUBJECT.NO_QUERY"
  // demo
  | "DEMO.NOT_EMPTY"
  | "DEMO.TOO_FEW_REGIONS"
  // import
  | "IMPORT.ALREADY_UNDONE"
  | "IMPORT.DUPLICATE"
  | "IMPORT.INVALID"
  | "IMPORT.NOT_FOUND"
  | "IMPORT.REF_EXISTS"
  // mail
  | "MAIL.NOT_FOUND"
  | "MAIL.UNREADABLE"
  // portal
  | "PORTAL.NOT_A_PORTAL_SIGNAL"
  // procurement
  | "PROCUREMENT.NOT_FOUND"
  | "PROCUREMENT.UNKNOWN_REGION"
  | "TENDERNED.NO_AUTHORITY"
  | "TENDERNED.OFF"
  | "TENDERNED.BUSY"
  | "MAILBOX.OFF"
  | "MAILBOX.BUSY"
  | "TENDERNED.BAD_FILE"
  // reference
  | "REFERENCE.ALREADY_APPLIED"
  | "REFERENCE.INVALID_TABLE"
  | "REFERENCE.MUNICIPALITY_NOT_FOUND"
  | "REFERENCE.REGION_NOT_FOUND"
  | "REFERENCE.SAME_REGION"
  | "REFERENCE.UPLOAD_NOT_FOUND"
  // report
  | "REPORT.CHANGED"
  | "REPORT.EMPTY"
  | "REPORT.THRESHOLD"
  | "REPORT.UNSAFE"
  | "REPORT.YEAR"
  // second factor
  | "SECOND_FACTOR.ALREADY_SET"
  | "SECOND_FACTOR.NOT_STARTED"
  | "SECOND_FACTOR.WRONG_CODE"
  // setup
  | "SETUP.DONE"
  // signal
  | "SIGNAL.ASSIGNEE_NOT_ALLOWED"
  | "SIGNAL.MUNICIPALITY_OUTSIDE_REGION"
  | "SIGNAL.NOT_FOUND"
  | "SIGNAL.STATUS_NOT_ALLOWED"
  | "SIGNAL.UNKNOWN_MUNICIPALITY"
  | "SIGNAL.UNKNOWN_REGION"
  // kennisbank
  | "KNOWLEDGE.BAD_REFERENCE"
  | "KNOWLEDGE.GUARD_HITS"
  | "KNOWLEDGE.NOT_FOUND"
  | "KNOWLEDGE.SIGNAL_NOT_ANSWERED"
  | "PRACTICE.BAD_REGION"
  | "PRACTICE.LESSON_NOT_FOUND"
  // trajectory
  | "TRAJECTORY.ALREADY_CLOSED"
  | "TRAJECTORY.CLOSED_BEFORE_START"
  | "TRAJECTORY.ESCALATION_TYPE"
  | "TRAJECTORY.MUNICIPALITY_OUTSIDE_REGION"
  | "TRAJECTORY.NOT_AN_ADVISER"
  | "TRAJECTORY.NOT_CLOSED"
  | "TRAJECTORY.NOT_FOUND"
  | "TRAJECTORY.NO_REANALYSIS"
  | "TRAJECTORY.SIGNAL_NOT_FOUND"
  | "TRAJECTORY.SIGNAL_NOT_LINKED"
  | "TRAJECTORY.STEPS_ACTIVE"
  | "TRAJECTORY.STEP_NOT_ALLOWED"
  | "TRAJECTORY.UNKNOWN_REGION";

/** A rule of the domain said no. `code` is stable (for tests and logs), `message` is Dutch and shown to the user. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
