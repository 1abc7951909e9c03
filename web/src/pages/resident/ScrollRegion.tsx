import type { ReactNode } from "react";

/**
 * A table that may be wider than a phone: it scrolls sideways inside this region, not the page, and
 * the region takes the keyboard focus so it can be scrolled without a pointer (axe's
 * scrollable-region-focusable; antd's own scroll container cannot be given a tabindex).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is reached by keyboard to scroll it
    <section className="public-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
