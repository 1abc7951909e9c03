/** A stranger (null) and one demo account of every role and reach: who the authorization matrix and the fuzz call as. */
export const DEMO_CALLERS = [
  null,
  "admin",
  "operator",
  "district-dispatcher",
  "street-dispatcher",
  "community-dispatcher",
  "street-staff",
  "community-staff",
  "gridworker",
  "cgj-handler",
  "street-office-handler",
  "supervisor",
  "leader",
  "resident",
] as const;
