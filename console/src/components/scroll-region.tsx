import type { ReactNode } from "react";

/** A box that scrolls sideways on a narrow screen, reachable by keyboard (Tab, then the arrow keys). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section className="scroll-x" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
