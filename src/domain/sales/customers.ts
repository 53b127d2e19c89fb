// Who may buy a subscription plan. Pure.

/** Only an organization with the LTI service may buy a plan: its keys open tests through LTI. null when it may. */
export const customerRefusal = (org: { name: string; ltiService: boolean }): string | null =>
  org.ltiService ? null : `${org.name} has no LTI service; only organizations with ltiService may buy a subscription plan`;
