import { BulbOutlined, LoadingOutlined } from "@ant-design/icons";
import { Tag, TreeSelect } from "antd";
import { useMemo } from "react";
import { useI18n } from "../../../i18n/context";
import type { CategoryNode, Classification } from "../types";
import { useCategoryName } from "../useCategoryName";

interface CategorySuggestionsProps {
  classification: Classification | null;
  loading?: boolean;
  /** The chosen category code (null: let the server take the classifier's first guess). */
  value: string | null;
  onChange: (code: string | null) => void;
  /** Show the keys that accept a suggestion (operator: Alt+1…3). */
  hotkeyLabel?: (index: number) => string;
  /** The whole tree for a manual pick, when the server offers it. */
  tree?: CategoryNode[] | null;
  max?: number;
}

function treeData(nodes: CategoryNode[], english: boolean): Array<Record<string, unknown>> {
  return nodes.map((node) => ({
    value: node.code,
    title: english && node.nameEn ? node.nameEn : node.name,
    selectable: node.children.length === 0,
    children: treeData(node.children, english),
  }));
}

function findName(nodes: CategoryNode[] | null | undefined, code: string): string | null {
  for (const node of nodes ?? []) {
    if (node.code === code) return node.name;
    const inner = findName(node.children, code);
    if (inner) return inner;
  }
  return null;
}

/**
 * 智能分类: the classifier's best categories as chips (tap to choose, tap again to leave it to the
 * server), plus a manual pick from the category tree when available.
 */
export function CategorySuggestions({
  classification,
  loading = false,
  value,
  onChange,
  hotkeyLabel,
  tree,
  max = 3,
}: CategorySuggestionsProps) {
  const { t, locale } = useI18n();
  const categoryName = useCategoryName();
  const candidates = (classification?.candidates ?? []).filter((c) => c.score >= 0.01).slice(0, max);
  const data = useMemo(() => (tree ? treeData(tree, locale === "en-US") : null), [tree, locale]);
  const pickedElsewhere = value !== null && !candidates.some((c) => c.code === value);

  return (
    <div className="category-suggestions" data-testid="category-suggestions">
      <div className="category-suggestions__chips">
        <span className="category-suggestions__label">
          {loading ? <LoadingOutlined /> : <BulbOutlined />} {t("intake.category.suggested")}
        </span>
        {candidates.length === 0 && !loading && (
          <span className="muted">{t("intake.category.typeMore")}</span>
        )}
        {candidates.map((candidate, index) => (
          <Tag.CheckableTag
            key={candidate.code}
            checked={value === candidate.code}
            onChange={(checked) => onChange(checked ? candidate.code : null)}
            className="category-suggestions__chip"
            data-testid="category-chip"
            data-code={candidate.code}
          >
            {hotkeyLabel && <kbd className="category-suggestions__key">{hotkeyLabel(index)}</kbd>}
            {categoryName(candidate.code, candidate.name)}
            <span className="category-suggestions__score">{Math.round(candidate.score * 100)}%</span>
            {candidate.words && candidate.words.length > 0 && (
              <span
                className="category-suggestions__words"
                data-testid="category-words"
                title={t("intake.category.because", { words: candidate.words.join("、") })}
              >
                {candidate.words.slice(0, 3).join(" ")}
              </span>
            )}
          </Tag.CheckableTag>
        ))}
        {classification?.unsure && candidates.length > 0 && !loading && (
          <Tag color="warning" data-testid="category-unsure">
            {t("intake.category.unsure")}
          </Tag>
        )}
      </div>
      {data && (
        <TreeSelect
          className="category-suggestions__tree"
          aria-label={t("intake.category.other")}
          treeData={data}
          value={pickedElsewhere ? value : undefined}
          placeholder={
            pickedElsewhere && value ? (findName(tree, value) ?? value) : t("intake.category.other")
          }
          showSearch={{ treeNodeFilterProp: "title" }}
          allowClear
          onChange={(code) => onChange((code as string | undefined) ?? null)}
          popupMatchSelectWidth={false}
          data-testid="category-tree"
        />
      )}
    </div>
  );
}
