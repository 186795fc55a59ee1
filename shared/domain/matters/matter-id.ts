/**
 * A matter keeps the id of the proposal it was opened from, `<caseId>/<obligation positions>`
 * (see withLines in propose.ts), so the id alone says which case holds it.
 */

/** The case a matter belongs to. */
export function caseIdOfMatter(matterId: string): string {
  return matterId.slice(0, Math.max(0, matterId.indexOf("/")));
}

/**
 * The matter id as one URL path segment: "~" stands for "/", since API Gateway does not pass an
 * encoded slash through to the route's path parameter.
 */
export function matterPathSegment(matterId: string): string {
  return matterId.replace("/", "~");
}

/** The matter id a URL path segment names (the inverse of matterPathSegment). */
export function matterIdOfPathSegment(segment: string): string {
  return segment.replace("~", "/");
}
