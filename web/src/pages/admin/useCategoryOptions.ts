import { useMemo } from "react";
import { useRequest } from "../../api/useRequest";
import type { CategoryNode } from "../../components/orders";
import { adminApi } from "./api";

export interface CategoryOption {
  value: string;
  title: string;
  children: CategoryOption[];
}

/** The category tree as TreeSelect options (`code name`). */
export function useCategoryOptions(): CategoryOption[] {
  const tree = useRequest((signal) => adminApi.categories(signal), []);
  return useMemo(() => {
    const toOption = (node: CategoryNode): CategoryOption => ({
      value: node.code,
      title: `${node.code} ${node.name}`,
      children: node.children.map(toOption),
    });
    return (tree.data?.items ?? []).map(toOption);
  }, [tree.data]);
}
