import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Progress,
  Select,
  Skeleton,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { LoadErrorAlert } from "../../components/ErrorState";
import { chinaTime } from "../../components/orders";
import { useT } from "../../i18n/context";
import { OutboxPanel, submitThroughOutbox, useOfflineShell } from "../../offline";
import { type Campaign, type DiaryInput, fieldworkApi, MOODS, type Mood } from "./api";
import { RaiseDemandButton } from "./RaiseDemandButton";
import "../../ops.css";
import "./fieldwork.css";

interface DiaryValues {
  writtenOn: Dayjs;
  household: string;
  heard: string;
  mood: Mood;
  followUp?: string;
  campaignId?: number;
}

const MOOD_COLORS: Record<Mood, string> = {
  content: "green",
  neutral: "default",
  worried: "orange",
  upset: "red",
};

/**
 * 民情日记: grid workers, community staff and cadres note what a household said on a visit (each entry
 * is on the month's 走访清单), raise it as a demand (入户访) in one step, and follow the 大走访 campaigns
 * of their jurisdiction grid by grid. Without signal an entry waits on the phone (待发送) with its
 * Idempotency-Key and is sent when the signal returns.
 */
export default function DiaryPage() {
  const t = useT();
  const me = useMe();
  useOfflineShell();
  const { message } = App.useApp();
  const [form] = Form.useForm<DiaryValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const entries = useRequest((signal) => fieldworkApi.diary(signal), []);
  const campaigns = useRequest((signal) => fieldworkApi.campaigns(signal), []);
  const reload = () => {
    entries.reload();
    campaigns.reload();
  };
  const save = async (values: DiaryValues) => {
    setSaving(true);
    setError(null);
    try {
      const body: DiaryInput = {
        writtenOn: values.writtenOn.format("YYYY-MM-DD"),
        household: values.household.trim(),
        heard: values.heard.trim(),
        mood: values.mood,
        ...(values.followUp?.trim() ? { followUp: values.followUp.trim() } : {}),
        ...(values.campaignId ? { campaignId: values.campaignId } : {}),
      };
      const result = await submitThroughOutbox({
        userId: me.id,
        kind: "diary",
        body: { ...body },
        text: `${body.household}：${body.heard}`,
      });
      if ("queued" in result) message.info(t("offline.diaryQueued"));
      else message.success(t("fieldwork.diary.saved"));
      form.resetFields();
      reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, whitespace: true, message: t("fieldwork.required") }];
  const running = (campaigns.data?.items ?? []).filter((c) => c.endsOn >= chinaTime().format("YYYY-MM-DD"));

  return (
    <div className="ops-page" data-testid="diary-page">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("fieldwork.diary.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("fieldwork.diary.subtitle")}</Typography.Text>
        </div>
      </div>
      <OutboxPanel className="fieldwork__outbox" />
      <div className="fieldwork__grid">
        <Card title={t("fieldwork.diary.write")} size="small">
          <Form
            form={form}
            layout="vertical"
            onFinish={save}
            initialValues={{ writtenOn: chinaTime(), mood: "neutral" }}
          >
            {error && <Alert type="error" showIcon title={error} className="fieldwork__error" />}
            <Form.Item name="writtenOn" label={t("fieldwork.diary.writtenOn")} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} />
            </Form.Item>
            <Form.Item
              name="household"
              label={t("fieldwork.diary.household")}
              rules={[...required, { max: 100 }]}
            >
              <Input maxLength={100} data-testid="diary-household" />
            </Form.Item>
            <Form.Item name="heard" label={t("fieldwork.diary.heard")} rules={[...required, { max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="diary-heard" />
            </Form.Item>
            <Form.Item name="mood" label={t("fieldwork.diary.mood")} rules={[{ required: true }]}>
              <Select
                data-testid="diary-mood"
                options={MOODS.map((mood) => ({ value: mood, label: t(`fieldwork.mood.${mood}`) }))}
              />
            </Form.Item>
            <Form.Item name="followUp" label={t("fieldwork.diary.followUp")} rules={[{ max: 1000 }]}>
              <Input maxLength={1000} />
            </Form.Item>
            {running.length > 0 && (
              <Form.Item name="campaignId" label={t("fieldwork.diary.campaign")}>
                <Select
                  allowClear
                  placeholder={t("fieldwork.diary.noCampaign")}
                  options={running.map((c) => ({ value: c.id, label: c.name }))}
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={saving} data-testid="save-diary">
              {t("fieldwork.diary.save")}
            </Button>
          </Form>
        </Card>
        <Card title={t("fieldwork.diary.mine")} size="small">
          {entries.error ? (
            <LoadErrorAlert error={entries.error} onRetry={entries.reload} />
          ) : !entries.data ? (
            <Skeleton active />
          ) : (
            <List
              dataSource={entries.data.items}
              locale={{ emptyText: <Empty description={t("fieldwork.diary.none")} /> }}
              renderItem={(entry) => (
                <List.Item data-testid="diary-entry" data-id={entry.id}>
                  <div className="fieldwork__record">
                    <div>
                      <Typography.Text strong>{entry.writtenOn}</Typography.Text> {entry.household}{" "}
                      <Tag color={MOOD_COLORS[entry.mood]}>{t(`fieldwork.mood.${entry.mood}`)}</Tag>
                      {entry.campaignName && <Tag>{entry.campaignName}</Tag>}
                      <div>{entry.heard}</div>
                      {entry.followUp && <Typography.Text type="secondary">{entry.followUp}</Typography.Text>}
                    </div>
                    <RaiseDemandButton
                      raised={entry.order ? [entry.order] : []}
                      once
                      initial={entry.heard}
                      raise={(content) => fieldworkApi.raiseFromDiary(entry.id, content)}
                      onRaised={reload}
                      testId="diary-demand"
                    />
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      </div>
      {running.map((campaign) => (
        <CampaignCard key={campaign.id} campaign={campaign} />
      ))}
    </div>
  );
}

/** 大走访 progress per grid: households and buildings visited against the targets. */
function CampaignCard({ campaign }: { campaign: Campaign }) {
  const t = useT();
  return (
    <Card
      size="small"
      title={`${t("fieldwork.campaigns")} · ${campaign.name} (${campaign.startsOn} – ${campaign.endsOn})`}
      data-testid="campaign"
    >
      <List
        size="small"
        dataSource={campaign.grids}
        // A street has dozens of grids: ten a page keeps the diary in view.
        pagination={{ pageSize: 10, size: "small", hideOnSinglePage: true, showSizeChanger: false }}
        renderItem={(grid) => (
          <List.Item
            data-testid="campaign-grid"
            data-grid={grid.gridCode}
            data-households={grid.done.households}
          >
            <span>{grid.gridName}</span>
            <span>
              {t("fieldwork.campaign.households", {
                done: grid.done.households,
                target: grid.target.households,
              })}{" "}
              <Progress
                percent={grid.percent.households}
                size="small"
                className="fieldwork__progress"
                aria-label={`${grid.gridName} · ${t("fieldwork.campaign.households", {
                  done: grid.done.households,
                  target: grid.target.households,
                })}`}
              />
              {t("fieldwork.campaign.buildings", {
                done: grid.done.buildings,
                target: grid.target.buildings,
              })}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
