export interface LowBalanceAlertInput {
  /** The allotment.low_balance event the alert tells of. */
  eventId: string;
  organizationId: string;
  assessmentId: string;
  /** Which crossing of this allotment's threshold (1, 2, …). */
  seq: number;
}

/** One workflow per crossing: the business key is the notification id. */
export const lowBalanceAlertWorkflowId = (organizationId: string, assessmentId: string, seq: number): string =>
  `low-balance-${organizationId}-${assessmentId}-${seq}`;
