import { Segmented, Switch } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useT } from "../../../i18n/context";
import { typeLabel } from "../format";
import { DEMAND_TYPES, type DemandType } from "../types";
import { CategorySuggestions } from "./CategorySuggestions";
import { useCategoryTree, useClassification } from "./hooks";

/**
 * The demand's category, type and urgency as the submitter settles them: the classifier's guesses for
 * the text being typed fill in the type, and raise urgency, until the submitter sets them; the
 * category is the submitter's pick among the suggestions (left empty, the server classifies).
 */
export function useClassifiedChoice(content: string, delayMs?: number) {
  const classification = useClassification(content, delayMs);
  const tree = useCategoryTree();
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [type, setType] = useState<DemandType | null>(null);
  const [typeTouched, setTypeTouched] = useState(false);
  const [urgent, setUrgent] = useState(false);
  const [urgentTouched, setUrgentTouched] = useState(false);

  useEffect(() => {
    const result = classification.result;
    if (!result) return;
    if (!typeTouched) setType(result.type);
    if (!urgentTouched && result.urgent) setUrgent(true);
  }, [classification.result, typeTouched, urgentTouched]);

  const chooseType = useCallback((value: DemandType) => {
    setType(value);
    setTypeTouched(true);
  }, []);
  const chooseUrgent = useCallback((value: boolean) => {
    setUrgent(value);
    setUrgentTouched(true);
  }, []);
  /** Takes the classifier's n-th category with its type and urgency (the operator's Alt+1…3). */
  const accept = useCallback(
    (index: number) => {
      const result = classification.result;
      const candidate = result?.candidates[index];
      if (!result || !candidate) return;
      setCategoryCode(candidate.code);
      chooseType(result.type);
      chooseUrgent(result.urgent);
    },
    [classification.result, chooseType, chooseUrgent],
  );
  const reset = useCallback(() => {
    setCategoryCode(null);
    setType(null);
    setTypeTouched(false);
    setUrgent(false);
    setUrgentTouched(false);
  }, []);

  return {
    classification,
    tree,
    categoryCode,
    setCategoryCode,
    type,
    chooseType,
    urgent,
    chooseUrgent,
    accept,
    reset,
  };
}

export type ClassifiedChoice = ReturnType<typeof useClassifiedChoice>;

/** The category chips, the type and (where the submitter decides it) the urgency switch. */
export function ClassifiedChoiceFields({
  choice,
  withUrgency = false,
  hotkeyLabel,
  typeTestId,
  urgentTestId,
}: {
  choice: ClassifiedChoice;
  withUrgency?: boolean;
  /** Shown on the first chips, e.g. "Alt+1", where keys accept them. */
  hotkeyLabel?: (index: number) => string;
  typeTestId?: string;
  urgentTestId?: string;
}) {
  const t = useT();
  return (
    <>
      <CategorySuggestions
        classification={choice.classification.result}
        loading={choice.classification.loading}
        value={choice.categoryCode}
        onChange={choice.setCategoryCode}
        tree={choice.tree}
        hotkeyLabel={hotkeyLabel}
      />
      <div className="classified-choice__row">
        <span className="classified-choice__label">{t("intake.type")}</span>
        <Segmented
          size="small"
          value={choice.type ?? undefined}
          options={DEMAND_TYPES.map((value) => ({ value, label: typeLabel(t, value) }))}
          onChange={(value) => choice.chooseType(value as DemandType)}
          data-testid={typeTestId}
        />
        {withUrgency && (
          <span className="classified-choice__urgent">
            {t("intake.urgent")}{" "}
            <Switch
              size="small"
              checked={choice.urgent}
              onChange={choice.chooseUrgent}
              aria-label={t("intake.urgent")}
              data-testid={urgentTestId}
            />
          </span>
        )}
      </div>
    </>
  );
}
