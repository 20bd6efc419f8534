/**
 * How a case began: `manual` when an agent made it (Maak zaak, a tag, a handover on a post that was no case
 * yet), `auto` when automatic intake made it from a post addressed to the municipality (issue #17, item 1;
 * the content script's part of it is still to come). Cases stored before this field existed were all made by
 * hand: the database migration to version 7 writes `manual` on them, and `intakeOf` reads an absent value
 * (a case from a colleague's older version, through sync) the same way.
 */
export const CASE_INTAKES = ['auto', 'manual'] as const;
export type CaseIntake = (typeof CASE_INTAKES)[number];

export function intakeOf(c: { intake?: CaseIntake | undefined }): CaseIntake {
  return c.intake ?? 'manual';
}
