import { useCallback } from "react";
import { useT } from "../../i18n/context";

/** "2026-11" as the reader says a month (2026年11月). */
export function useMonthLabel(): (month: string) => string {
  const t = useT();
  return useCallback(
    (month: string) =>
      t("public.month", { year: month.slice(0, 4), month: String(Number(month.slice(5, 7))) }),
    [t],
  );
}
