import { Badge, Input, Select, Tabs } from "antd";
import { useT } from "../../i18n/context";
import type { WarningLevel } from "../orders";
import { messageKey } from "../orders";

export interface QueueTab {
  key: string;
  label: string;
  count: number | undefined;
  /** Work waiting on this page's user: its count is shown in the accent colour. */
  urgent?: boolean;
}

/** The queues of a work list as tabs, each with its count. */
export function QueueTabs({
  tabs,
  active,
  onChange,
}: {
  tabs: QueueTab[];
  active: string;
  onChange: (key: string) => void;
}) {
  return (
    <Tabs
      activeKey={active}
      onChange={onChange}
      items={tabs.map((tab) => ({
        key: tab.key,
        label: (
          <span data-queue={tab.key}>
            {tab.label}
            <Badge
              count={tab.count ?? 0}
              showZero={false}
              overflowCount={999}
              className="command-queue__count"
              color={tab.urgent ? "#1e5bb8" : "#8c9bb0"}
            />
          </span>
        ),
      }))}
    />
  );
}

/** Free-text search of a work list (number, title, content or address), applied on Enter. */
export function QueueSearch({ onSearch }: { onSearch: (text: string) => void }) {
  const t = useT();
  return (
    <Input.Search
      allowClear
      placeholder={t("ops.filter.search")}
      onSearch={(value) => onSearch(value.trim())}
      className="command-queue__search"
    />
  );
}

/** The deadline-warning filter: which of none / yellow / red a page offers. */
export function WarningSelect({
  levels,
  value,
  onChange,
}: {
  levels: readonly WarningLevel[];
  value: WarningLevel | undefined;
  onChange: (value: WarningLevel | undefined) => void;
}) {
  const t = useT();
  return (
    <Select
      allowClear
      placeholder={t("ops.filter.warning")}
      aria-label={t("ops.filter.warning")}
      value={value}
      onChange={onChange}
      options={levels.map((level) => ({ value: level, label: t(messageKey(`ops.warning.${level}`)) }))}
      className="command-queue__select"
    />
  );
}
