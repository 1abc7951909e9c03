import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { messageOf } from "../../hooks/useAdminSave";
import { type MessageKey, useT } from "../../i18n/context";
import {
  CITY_FIELDS,
  type CityField,
  type HeaderPreview,
  type ImportRun,
  integrationsApi,
  type Upload,
} from "./api";

/** The source the CLI imports under when none is named (DEFAULT_CITY_SOURCE on the server): one saved mapping for both. */
const DEFAULT_SOURCE = "市12345平台";

const COUNTS = ["created", "updated", "unchanged", "unplaced", "invalid"] as const;

/**
 * 工单导入: choose an export, check how its columns are read (and save a source's own mapping), then
 * a dry run listing every bad row, or the import itself, whose progress is polled until it ends.
 */
export function ImportTab() {
  const t = useT();
  const { message } = App.useApp();
  const [source, setSource] = useState(DEFAULT_SOURCE);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<HeaderPreview | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<CityField, string>>>({});
  const [run, setRun] = useState<ImportRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setRun(null);
    setError(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const next = { source, fileName: file.name, content: btoa(binary) };
    setUpload(next);
    await check(next);
  };

  const check = async (next: Upload) => {
    try {
      const found = await integrationsApi.headers(next);
      setPreview(found);
      setMapping(
        Object.fromEntries(CITY_FIELDS.flatMap((f) => (found.mapping[f] ? [[f, found.mapping[f]]] : []))),
      );
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const saveMapping = async () => {
    try {
      await integrationsApi.saveMapping(source, mapping);
      message.success(t("integrations.import.mappingSaved"));
      if (upload) await check({ ...upload, source });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const start = async (dryRun: boolean) => {
    if (!upload) return;
    setError(null);
    try {
      const { id } = await integrationsApi.startImport({ ...upload, source, dryRun });
      setRun({ id, state: "queued" } as ImportRun);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  // Poll the running import until it is done or failed.
  useEffect(() => {
    if (!run || run.state === "done" || run.state === "failed") return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      integrationsApi.importRun(run.id, controller.signal).then(setRun, (failure: unknown) => {
        if (!controller.signal.aborted) setError(messageOf(failure));
      });
    }, 500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [run]);

  const reason = (code: string, detail?: string | null) => {
    const [head, fields] = code.split(":");
    const text = t(`integrations.reason.${head}` as MessageKey, {
      fields: (fields ?? "")
        .split(",")
        .map((f) => t(`integrations.field.${f}` as MessageKey))
        .join("、"),
    });
    return detail ? `${text}（${detail}）` : text;
  };
  const percent = run?.rowsTotal ? Math.round((100 * run.rowsDone) / run.rowsTotal) : 0;
  const finished = run?.state === "done" || run?.state === "failed";

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }} data-testid="city-import">
      <Space wrap>
        <Input
          addonBefore={t("integrations.import.source")}
          aria-label={t("integrations.import.source")}
          value={source}
          onChange={(event) => setSource(event.target.value)}
          style={{ width: 260 }}
          data-testid="city-source"
        />
        <input ref={input} type="file" accept=".xlsx,.csv" hidden onChange={read} data-testid="city-file" />
        <Button onClick={() => input.current?.click()}>{t("integrations.import.choose")}</Button>
        {upload && <Typography.Text>{upload.fileName}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {preview && (
        <Card size="small" title={t("integrations.import.headers", { rows: preview.rows })}>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={CITY_FIELDS.map((field) => ({ field }))}
            columns={[
              {
                title: t("integrations.import.field"),
                render: (_, row) => t(`integrations.field.${row.field}`),
              },
              {
                title: t("integrations.import.column"),
                render: (_, row) => (
                  <Select
                    allowClear
                    style={{ minWidth: 200 }}
                    placeholder={t("integrations.import.unmapped")}
                    value={mapping[row.field]}
                    onChange={(value?: string) => setMapping({ ...mapping, [row.field]: value })}
                    options={preview.headers.map((h) => ({ value: h, label: h }))}
                    status={preview.missing.includes(row.field) ? "error" : undefined}
                  />
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }} wrap>
            <Button onClick={saveMapping}>{t("integrations.import.saveMapping")}</Button>
            <Button
              onClick={() => start(true)}
              disabled={!finished && run !== null}
              data-testid="city-dry-run"
            >
              {t("integrations.import.dryRun")}
            </Button>
            <Button
              type="primary"
              onClick={() => start(false)}
              disabled={!finished && run !== null}
              data-testid="city-run"
            >
              {t("integrations.import.run")}
            </Button>
          </Space>
        </Card>
      )}
      {run && (
        <Card
          size="small"
          title={
            <Space>
              <Tag color={run.state === "failed" ? "red" : run.state === "done" ? "green" : "blue"}>
                {t(`integrations.import.state.${run.state}`)}
              </Tag>
              {run.dryRun && t("integrations.import.wouldBe")}
            </Space>
          }
          data-testid="city-run-result"
          data-state={run.state}
        >
          <Progress
            percent={percent}
            status={run.state === "failed" ? "exception" : undefined}
            aria-label={t("integrations.import.progress", {
              done: run.rowsDone ?? 0,
              total: run.rowsTotal ?? "…",
            })}
          />
          <Typography.Text type="secondary">
            {t("integrations.import.progress", { done: run.rowsDone ?? 0, total: run.rowsTotal ?? "…" })}
          </Typography.Text>
          {run.error && <Alert type="error" showIcon message={reason(run.error)} style={{ marginTop: 8 }} />}
          <Space size="large" wrap style={{ marginTop: 12 }}>
            {COUNTS.map((key) => (
              <Statistic key={key} title={t(`integrations.import.${key}`)} value={run[key] ?? 0} />
            ))}
          </Space>
          {run.problems && run.problems.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 12 }}
              rowKey={(p) => `${p.rowNo}-${p.kind}`}
              dataSource={run.problems}
              title={() => t("integrations.import.problems")}
              columns={[
                { title: t("integrations.import.row"), dataIndex: "rowNo", width: 80 },
                { title: t("integrations.field.workOrderNo"), dataIndex: "workOrderNo" },
                { title: t("integrations.import.reason"), render: (_, p) => reason(p.reason, p.detail) },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
