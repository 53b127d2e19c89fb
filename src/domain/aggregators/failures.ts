// Failure types of the aggregator lifecycle, in one place for both sides: the workflow throws them
// as ApplicationFailure types, the activity answers refusals by kind, and the services turn both
// into problem codes. Values recorded in running workflows' histories never change.

/** aggregatorWorkflow's update failures. */
export const AggregatorFailure = {
  /** A command refused because the integration is (being) deactivated; the API answers 409 INVALID_STATE. */
  INACTIVE: 'AggregatorInactive',
} as const;

/** Why a command is refused (planCommand, and the activity that applies it). */
export const CommandRefusal = {
  INACTIVE: 'inactive',
} as const;
export type CommandRefusal = (typeof CommandRefusal)[keyof typeof CommandRefusal];
