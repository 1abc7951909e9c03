import type { FormRule } from "antd";
import type { Translate } from "../../../i18n/context";

/** A caller's phone as typed: digits with spaces or dashes, an optional leading +. */
export const CALLER_PHONE = /^\+?[0-9][0-9 -]{6,19}$/;

/** The rules of a demand's text, the same in every intake form (resident, wizard, grid, operator). */
export function contentRules(t: Translate): FormRule[] {
  return [
    { required: true, whitespace: true, message: t("intake.contentRequired") },
    { min: 5, message: t("intake.contentTooShort") },
  ];
}

/** The rule of an optional caller phone. */
export function phoneRules(t: Translate): FormRule[] {
  return [{ pattern: CALLER_PHONE, message: t("resident.track.phoneInvalid") }];
}
