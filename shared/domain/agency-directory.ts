/** One court's agency over a span of dates (ISO yyyy-mm-dd; `until` inclusive, open when absent). */
export interface AgencyAssignment {
  courtId: string;
  agencyId: string;
  from: string;
  until?: string | undefined;
}

/**
 * The agency that receives a court's judgments on a date. Courts move between agencies when the
 * organisation changes (the July 2025 merger), so assignments carry validity dates; `until` is inclusive.
 */
export function agencyFor(courtId: string, onDate: string, assignments: readonly AgencyAssignment[]): string | null {
  const match = assignments.find(
    (assignment) => assignment.courtId === courtId && assignment.from <= onDate && (assignment.until === undefined || onDate <= assignment.until),
  );
  return match?.agencyId ?? null;
}
