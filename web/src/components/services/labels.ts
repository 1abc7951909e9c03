import type { Locale } from "../../i18n/context";
import type { ApplicationState } from "./api";

/** A service's or an application's service name in the reader's language. */
export const serviceName = (
  s: { name?: string; nameEn?: string; serviceName?: string; serviceNameEn?: string },
  locale: Locale,
) => (locale === "en-US" ? (s.nameEn ?? s.serviceNameEn) : (s.name ?? s.serviceName)) ?? "";

/** The colour of a state's tag: open in blue, waiting for the resident in orange, done green, refused red. */
export const STATE_COLOURS: Record<ApplicationState, string> = {
  community_review: "processing",
  street_review: "processing",
  supplement: "warning",
  approved: "success",
  refused: "error",
  withdrawn: "default",
};
