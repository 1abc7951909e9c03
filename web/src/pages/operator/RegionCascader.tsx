import { Cascader } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../api/endpoints";
import type { RegionSummary } from "../../api/types";
import { useMe } from "../../auth/context";
import { useT } from "../../i18n/context";

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

function toOption(region: RegionSummary): Option {
  return {
    value: region.code,
    label: region.name,
    isLeaf: region.level === "grid" || region.childCount === 0,
  };
}

function withChildren(options: Option[], code: string, children: Option[]): Option[] {
  return options.map((option) =>
    option.value === code
      ? { ...option, children }
      : option.children
        ? { ...option, children: withChildren(option.children, code, children) }
        : option,
  );
}

interface RegionCascaderProps {
  /** The path of codes: [street, community, grid], or shorter. */
  value: string[];
  onChange: (path: string[]) => void;
  id?: string;
}

/** 街道 › 社区 › 网格: a place by region when the caller gives no point; children load on demand. */
export function RegionCascader({ value, onChange, id }: RegionCascaderProps) {
  const t = useT();
  const me = useMe();
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const parent = me.regionCode ?? undefined;
    api.regions(parent ? { parent } : { level: "street" }, controller.signal).then(
      ({ items }) => setOptions(items.map(toOption)),
      () => undefined,
    );
    return () => controller.abort();
  }, [me.regionCode]);

  // A value set from the map (e.g. a located grid) needs its branch loaded to show its names.
  useEffect(() => {
    let live = true;
    (async () => {
      for (const code of value.slice(0, -1)) {
        const found = findOption(options, code);
        if (!found || found.children) continue;
        const { items } = await api.regions({ parent: code });
        if (!live) return;
        setOptions((current) => withChildren(current, code, items.map(toOption)));
        return;
      }
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, options]);

  return (
    <Cascader
      id={id}
      options={options}
      value={value.length > 0 ? value : undefined}
      changeOnSelect
      showSearch={false}
      placeholder={t("operator.form.regionPlaceholder")}
      loadData={async (selected) => {
        const target = selected[selected.length - 1] as Option;
        const { items } = await api.regions({ parent: target.value });
        setOptions((current) => withChildren(current, target.value, items.map(toOption)));
      }}
      onChange={(path) => onChange(((path as string[] | undefined) ?? []).map(String))}
      data-testid="region-cascader"
      className="operator-form__region"
    />
  );
}

function findOption(options: Option[], code: string): Option | undefined {
  for (const option of options) {
    if (option.value === code) return option;
    const inner = option.children ? findOption(option.children, code) : undefined;
    if (inner) return inner;
  }
  return undefined;
}
