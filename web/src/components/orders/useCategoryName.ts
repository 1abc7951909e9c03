import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/context";
import { ordersApi } from "./api";
import type { CategoryNode } from "./types";

let englishNames: Promise<Map<string, string>> | null = null;

function collect(nodes: CategoryNode[], into: Map<string, string>): Map<string, string> {
  for (const node of nodes) {
    if (node.nameEn) into.set(node.code, node.nameEn);
    collect(node.children, into);
  }
  return into;
}

/**
 * A category's name in the UI language. Orders and the classifier name categories in Chinese only;
 * in English the tree's `nameEn` (GET /api/categories, fetched once per page load) is used instead.
 */
export function useCategoryName(): (
  code: string | null | undefined,
  name: string | null | undefined,
) => string | null {
  const { locale } = useI18n();
  const [names, setNames] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    if (locale !== "en-US") return;
    englishNames ??= ordersApi.categories().then(
      (page) => collect(page.items, new Map()),
      () => {
        englishNames = null;
        return new Map<string, string>();
      },
    );
    let live = true;
    englishNames.then((map) => live && setNames(map));
    return () => {
      live = false;
    };
  }, [locale]);
  return (code, name) => (locale === "en-US" && code ? (names?.get(code) ?? name ?? null) : (name ?? null));
}
