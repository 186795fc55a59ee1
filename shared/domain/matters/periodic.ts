/**
 * Instalments of a periodic obligation fallen due from `from` to `asOf` (ISO dates, both
 * inclusive), the first one due on `from`. Returns 0 when asOf is before from.
 */
export function instalmentsDue(from: string, asOf: string, per: "month" | "year"): number {
  if (asOf < from) return 0;
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split("-").map(Number) as [number, number, number];
  const months = (ay - fy) * 12 + (am - fm) - (ad < fd ? 1 : 0);
  return (per === "month" ? months : Math.floor(months / 12)) + 1;
}
