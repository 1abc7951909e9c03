import { CheckCircleOutlined, CloudUploadOutlined, FileSearchOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { type ChangeEvent, useMemo, useRef, useState } from "react";
import { useRequest } from "../../api/useRequest";
import { MapView } from "../../components/map";
import { streetSwatches } from "../../components/map/streetColors";
import { messageOf } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { adminApi, type GridImportReport } from "./api";

interface LoadedFile {
  name: string;
  collection: { type: string; features: unknown[] };
}

/**
 * 网格: every grid on the map, and the GeoJSON import — checked first (dry run) with each feature's
 * problems listed, written only when the check passes.
 */
export function GridsTab() {
  const t = useT();
  const { message } = App.useApp();
  const grids = useRequest((signal) => adminApi.grids(signal), []);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [crs, setCrs] = useState<"wgs84" | "gcj02">("wgs84");
  const [report, setReport] = useState<GridImportReport | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const features = grids.data?.features ?? [];
  const colours = useMemo(() => new Map(streetSwatches(features).map((s) => [s.code, s.color])), [features]);

  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    setReport(null);
    setServerError(null);
    setFileError(null);
    if (!chosen) return;
    try {
      const parsed = JSON.parse(await chosen.text()) as { type?: unknown; features?: unknown };
      if (parsed.type !== "FeatureCollection" || !Array.isArray(parsed.features))
        throw new Error(t("admin.grids.notCollection"));
      setFile({ name: chosen.name, collection: parsed as LoadedFile["collection"] });
    } catch (failure) {
      setFile(null);
      setFileError(failure instanceof SyntaxError ? t("admin.grids.notJson") : messageOf(failure));
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? "check" : "import");
    setServerError(null);
    try {
      const result = await adminApi.importGrids(file.collection, { dryRun, crs });
      setReport(result);
      if (!dryRun) {
        message.success(t("admin.grids.imported", { imported: result.imported, replaced: result.replaced }));
        setFile(null);
        grids.reload();
      }
    } catch (failure) {
      setServerError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  };

  const checked = report?.dryRun === true && report.errors.length === 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" className="admin-card" title={t("admin.grids.map", { count: features.length })}>
          {grids.error && <Alert type="error" showIcon title={grids.error.message} />}
          <MapView
            grids={features}
            styleGrid={(grid) => ({
              color: "#fff",
              weight: 1,
              fillColor: colours.get(grid.streetCode) ?? "#8aa4c8",
              fillOpacity: 0.55,
            })}
            className="admin-grids__map"
            label={t("admin.grids.map", { count: features.length })}
            testId="admin-grid-map"
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" className="admin-card" title={t("admin.grids.import")} data-testid="grid-import">
          <Typography.Paragraph type="secondary">{t("admin.grids.importHint")}</Typography.Paragraph>
          <Space wrap>
            <input
              ref={input}
              type="file"
              accept=".json,.geojson,application/geo+json,application/json"
              hidden
              onChange={read}
              data-testid="grid-file"
            />
            <Button icon={<CloudUploadOutlined />} onClick={() => input.current?.click()}>
              {t("admin.grids.choose")}
            </Button>
            <Radio.Group
              optionType="button"
              value={crs}
              onChange={(event) => {
                setCrs(event.target.value);
                setReport(null);
              }}
              options={[
                { value: "wgs84", label: "WGS-84" },
                { value: "gcj02", label: "GCJ-02" },
              ]}
            />
          </Space>
          {fileError && <Alert type="error" showIcon className="admin-form__error" title={fileError} />}
          {file && (
            <div className="admin-grids__file">
              <Tag color="blue">{file.name}</Tag>
              {t("admin.grids.features", { count: file.collection.features.length })}
            </div>
          )}
          <Space className="admin-grids__buttons">
            <Button
              icon={<FileSearchOutlined />}
              disabled={!file}
              loading={busy === "check"}
              onClick={() => run(true)}
            >
              {t("admin.grids.check")}
            </Button>
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={!file || !checked}
              loading={busy === "import"}
              onClick={() => run(false)}
            >
              {t("admin.grids.doImport")}
            </Button>
          </Space>
          {serverError && <Alert type="error" showIcon className="admin-form__error" title={serverError} />}
          {report && (
            <div
              className="admin-grids__report"
              data-testid="grid-import-report"
              data-errors={report.errors.length}
            >
              <Space size={32}>
                <Statistic
                  title={t(report.dryRun ? "admin.grids.wouldImport" : "admin.grids.importedCount")}
                  value={report.imported}
                />
                <Statistic title={t("admin.grids.replaced")} value={report.replaced} />
                <Statistic
                  title={t("admin.grids.problems")}
                  value={report.errors.length}
                  styles={{ content: { color: report.errors.length ? "#cf1322" : "#389e0d" } }}
                />
              </Space>
              {report.errors.length === 0 ? (
                report.dryRun && <Alert type="success" showIcon title={t("admin.grids.checkPassed")} />
              ) : (
                <Table
                  size="small"
                  rowKey={(row) => `${row.index}-${row.code}-${row.messages.join()}`}
                  dataSource={report.errors}
                  pagination={{ pageSize: 8, size: "small" }}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                  columns={[
                    {
                      title: t("admin.grids.feature"),
                      dataIndex: "index",
                      width: 80,
                      render: (index: number | null) =>
                        index === null ? t("admin.grids.stored") : `#${index + 1}`,
                    },
                    {
                      title: t("admin.grids.code"),
                      dataIndex: "code",
                      width: 150,
                      render: (code: string | null) => code ?? "—",
                    },
                    {
                      title: t("admin.grids.messages"),
                      dataIndex: "messages",
                      render: (messages: string[]) => (
                        <ul className="admin-grids__messages">
                          {messages.map((text) => (
                            <li key={text}>{text}</li>
                          ))}
                        </ul>
                      ),
                    },
                  ]}
                />
              )}
            </div>
          )}
        </Card>
      </Col>
    </Row>
  );
}
