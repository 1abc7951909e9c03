import { Alert, Button, Card, Descriptions, Space, Table, Tag } from "antd";
import { useState } from "react";
import { apiRequest } from "../../api/client";
import { useRequest } from "../../api/useRequest";
import { useT } from "../../i18n/context";

interface Scores {
  topTop1: number;
  topTop3: number;
  leafTop1: number;
  leafTop3: number;
  typeAccuracy: number;
  urgentRecall: number;
  falseAlarmRate: number;
  overall?: number;
}

interface RoutingModelPage {
  active: { version: string; trainedOn: { examples: number; labels: number }; scores: Scores | null };
  labels: number;
  acceptance: {
    source: "intake" | "accept" | "transfer";
    labels: number;
    accepted: number;
    rate: number | null;
  }[];
  history: {
    version: string;
    scores: Scores;
    labels: number;
    status: "active" | "previous" | "rejected";
    trainedAt: string;
  }[];
}

const percent = (value: number | null | undefined) => (value == null ? "—" : `${(value * 100).toFixed(1)}%`);

const SCORE_KEYS = [
  "topTop1",
  "topTop3",
  "leafTop1",
  "typeAccuracy",
  "urgentRecall",
  "falseAlarmRate",
] as const;

/** 智能分类模型: the active model's version and scores on the fixed evaluation set, acceptance, retraining. */
export function RoutingModelTab() {
  const t = useT();
  const [tick, setTick] = useState(0);
  const [retraining, setRetraining] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const page = useRequest((signal) => apiRequest<RoutingModelPage>("/api/routing/model", { signal }), [tick]);
  const retrain = async () => {
    setRetraining(true);
    setError(null);
    try {
      await apiRequest("/api/routing/model/retrain", { method: "POST" });
      setTick((value) => value + 1);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setRetraining(false);
    }
  };
  const data = page.data;
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="routing-model">
      {page.error && <Alert type="error" showIcon title={page.error.message} />}
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <Card
          title={t("routingModel.active")}
          extra={
            <Button onClick={retrain} loading={retraining} data-testid="routing-retrain">
              {t("routingModel.retrain")}
            </Button>
          }
        >
          <Descriptions column={2} size="small">
            <Descriptions.Item label={t("routingModel.version")}>
              <span data-testid="routing-model-version">{data.active.version}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("routingModel.trainedOn")}>
              {data.active.trainedOn.examples} / {data.active.trainedOn.labels}
            </Descriptions.Item>
            {SCORE_KEYS.map((key) => (
              <Descriptions.Item key={key} label={t(`routingModel.score.${key}`)}>
                {percent(data.active.scores?.[key])}
              </Descriptions.Item>
            ))}
            {data.acceptance.map((row) => (
              <Descriptions.Item key={row.source} label={t(`routingModel.acceptance.${row.source}`)}>
                {percent(row.rate)} ({row.accepted}/{row.labels})
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
      {data && (
        <Table
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={data.history}
          columns={[
            { title: t("routingModel.version"), dataIndex: "version" },
            {
              title: t("routingModel.trainedAt"),
              dataIndex: "trainedAt",
              render: (at: string) => new Date(at).toLocaleString(),
            },
            { title: t("routingModel.labels"), dataIndex: "labels" },
            {
              title: t("routingModel.score.overall"),
              render: (_: unknown, row: RoutingModelPage["history"][number]) => percent(row.scores.overall),
            },
            {
              title: t("routingModel.status"),
              dataIndex: "status",
              render: (status: RoutingModelPage["history"][number]["status"]) => (
                <Tag color={status === "active" ? "green" : status === "rejected" ? "red" : "default"}>
                  {t(`routingModel.status.${status}`)}
                </Tag>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
