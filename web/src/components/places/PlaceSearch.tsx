import { AimOutlined } from "@ant-design/icons";
import { AutoComplete, Input, Tag } from "antd";
import { type KeyboardEvent, useEffect, useState } from "react";
import { useT } from "../../i18n/context";
import { useDebouncedValue } from "../orders/intake";
import {
  type ChosenPlace,
  chosenFromItem,
  chosenFromPlacement,
  type PlaceItem,
  type Placement,
  placesApi,
} from "./api";
import "./places.css";

const PLACEMENT = "__placement__";

interface PlaceSearchProps {
  /** The typed text (it becomes the order's address). */
  text: string;
  onTextChange: (text: string) => void;
  chosen: ChosenPlace | null;
  onChoose: (place: ChosenPlace | null) => void;
  /** Ctrl/⌘+Enter inside the field: the page submits (the dropdown must not take it). */
  onSubmitKey?: () => void;
  testId?: string;
}

/**
 * 地点搜索 Type an address, landmark, compound or community: the gazetteer's matches drop down
 * with their grid, led by "place by address" when the text itself can be placed. Arrow keys and
 * Enter choose; typing again clears the choice.
 */
export function PlaceSearch({
  text,
  onTextChange,
  chosen,
  onChoose,
  onSubmitKey,
  testId = "place-search",
}: PlaceSearchProps) {
  const t = useT();
  const query = useDebouncedValue(text.trim(), 200);
  const [found, setFound] = useState<{ q: string; items: PlaceItem[]; placement: Placement | null }>({
    q: "",
    items: [],
    placement: null,
  });

  useEffect(() => {
    if (!query) {
      setFound({ q: "", items: [], placement: null });
      return;
    }
    const controller = new AbortController();
    placesApi.search(query, controller.signal).then(
      (result) => setFound({ q: query, items: result.items, placement: result.placement }),
      () => undefined,
    );
    return () => controller.abort();
  }, [query]);

  const placement = found.placement?.placed && found.q === text.trim() ? found.placement : null;
  const options = [
    ...(placement
      ? [
          {
            value: PLACEMENT,
            label: (
              <div className="place-option place-option--placement" data-testid="place-option-placement">
                <AimOutlined /> <strong>{t("places.placement")}</strong> → {placement.grid?.name}
                <span className="muted place-option__detail">
                  {t(`places.precision.${placement.precision}` as "places.precision.none")} ·{" "}
                  {t("places.confidence", { n: Math.round(placement.confidence * 100) })}
                  {placement.alternatives.length > 0 &&
                    ` · ${t("places.alsoPossible", {
                      grids: placement.alternatives
                        .slice(0, 2)
                        .map((grid) => grid.name)
                        .join("、"),
                      n: placement.alternatives.length,
                    })}`}
                </span>
              </div>
            ),
          },
        ]
      : []),
    ...found.items.map((item) => ({
      value: item.key,
      label: (
        <div className="place-option" data-testid="place-option">
          <Tag className="place-option__kind">{t(`places.kind.${item.kind}` as "places.kind.grid")}</Tag>
          <span className="place-option__name">{item.name}</span>
          <span className="muted place-option__where">
            {item.kind === "grid" || item.kind === "community" || item.kind === "street"
              ? (item.street?.name ?? "")
              : [item.community?.name, item.grid?.name].filter(Boolean).join(" · ")}
          </span>
        </div>
      ),
    })),
  ];

  const choose = (value: string) => {
    if (value === PLACEMENT && found.placement) {
      onChoose(chosenFromPlacement(text, found.placement));
      return;
    }
    const item = found.items.find((i) => i.key === value);
    if (!item) return;
    const place = chosenFromItem(item);
    onChoose(place);
    onTextChange(place.label);
  };

  const onKeyDownCapture = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmitKey) {
      event.preventDefault();
      event.stopPropagation();
      onSubmitKey();
    }
  };

  return (
    <div className="place-search" onKeyDownCapture={onKeyDownCapture}>
      <AutoComplete
        value={text}
        options={options}
        onChange={(next: string) => {
          if (next === PLACEMENT || found.items.some((i) => i.key === next)) return;
          onTextChange(next);
          if (chosen) onChoose(null);
        }}
        onSelect={(value: string) => choose(value)}
        defaultActiveFirstOption
        popupMatchSelectWidth
        className="place-search__input"
      >
        <Input
          maxLength={200}
          autoComplete="off"
          placeholder={t("places.placeholder")}
          data-testid={testId}
          suffix={chosen ? <AimOutlined className="place-search__chosen-icon" /> : <span />}
        />
      </AutoComplete>
      {chosen && (
        <div
          className="place-search__chosen"
          data-testid={`${testId}-chosen`}
          data-region={chosen.regionCode}
        >
          {t("places.chosen", { place: chosen.where })}
          {chosen.confidence !== null && (
            <span className="muted">
              {" "}
              · {t("places.confidence", { n: Math.round(chosen.confidence * 100) })}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** Places typed text the way the "place by address" option would; null when it cannot be placed. */
export async function placeTypedText(text: string): Promise<ChosenPlace | null> {
  if (!text.trim()) return null;
  return chosenFromPlacement(text, await placesApi.geocode(text.trim()));
}
