import { Table, Typography } from "antd";
import { type Translate, useT } from "../../i18n/context";

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** One value as a reader sees it: 是/否, lists joined, records as compact JSON, nothing as (空). */
function shown(t: Translate, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("audit.diff.empty");
  if (typeof value === "boolean") return t(value ? "audit.diff.yes" : "audit.diff.no");
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null))
    return value.length === 0 ? t("audit.diff.empty") : value.join("、");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

interface Line {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields of an entry side by side; a value that is not a record is one line of its own. */
function linesOf(before: unknown, after: unknown): Line[] {
  const records = [before, after].filter((side) => side !== null && side !== undefined);
  if (records.length === 0 || !records.every(isFields)) return [{ field: "", before, after }];
  const b = isFields(before) ? before : {};
  const a = isFields(after) ? after : {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((field) => ({
    field,
    before: b[field],
    after: a[field],
  }));
}

/** 修改内容: an audit entry's before → after, field by field. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  if ((before === null || before === undefined) && (after === null || after === undefined))
    return <Typography.Text type="secondary">{t("audit.diff.none")}</Typography.Text>;
  return (
    <Table<Line>
      size="small"
      rowKey={(line) => line.field}
      pagination={false}
      scroll={{ x: "max-content" }}
      className="audit-diff"
      data-testid="audit-diff"
      dataSource={linesOf(before, after)}
      columns={[
        { title: t("audit.diff.field"), dataIndex: "field", render: (field: string) => field || "—" },
        {
          title: t("audit.diff.before"),
          render: (_, line) => <span className="audit-diff__before">{shown(t, line.before)}</span>,
        },
        {
          title: t("audit.diff.after"),
          render: (_, line) => <span className="audit-diff__after">{shown(t, line.after)}</span>,
        },
      ]}
    />
  );
}
