import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Skeleton,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { chinaTime, formatShort, OrderStateTag } from "../../components/orders";
import { useT } from "../../i18n/context";
import { type CommunityPage, fieldworkApi, type OrderLine } from "./api";
import { RaiseDemandButton } from "./RaiseDemandButton";
import "../../ops.css";
import "./fieldwork.css";

interface WorkDayValues {
  workedOn: Dayjs;
  places: string;
  people: string;
  peopleMet?: number;
  problems?: string;
  casesCoordinated?: number;
  problemsSolved?: number;
}

/**
 * 社区工作日: the leader's page on the linked community (三联一进): the district's topic of the month,
 * the community's open and overdue orders, a form for the day's record, and each day's problems
 * raised as demands (实地查) whose progress shows beside the day.
 */
export default function CommunityWorkPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<WorkDayValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const page = useRequest((signal) => fieldworkApi.community(signal), []);
  const save = async (values: WorkDayValues) => {
    setSaving(true);
    setError(null);
    try {
      await fieldworkApi.recordWorkDay({
        workedOn: values.workedOn.format("YYYY-MM-DD"),
        places: values.places.trim(),
        people: values.people.trim(),
        peopleMet: values.peopleMet ?? undefined,
        problems: values.problems?.trim() || undefined,
        casesCoordinated: values.casesCoordinated ?? undefined,
        problemsSolved: values.problemsSolved ?? undefined,
      });
      message.success(t("fieldwork.workDay.saved"));
      form.resetFields();
      page.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };
  if (page.error) return <LoadErrorAlert error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Skeleton active />;
  const data: CommunityPage = page.data;
  const required = [{ required: true, whitespace: true, message: t("fieldwork.required") }];

  return (
    <div className="ops-page" data-testid="community-work-page" data-community={data.community.code}>
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("fieldwork.community.title", { name: data.community.name })}
          </Typography.Title>
          <Typography.Text type="secondary">{t("fieldwork.community.subtitle")}</Typography.Text>
        </div>
      </div>
      <Alert
        type={data.topic ? "info" : "warning"}
        showIcon
        className="fieldwork__error"
        data-testid="topic"
        title={data.topic ? `${t("fieldwork.topic")}：${data.topic.title}` : t("fieldwork.topic.none")}
      />
      <div className="fieldwork__grid">
        <OrdersCard title={t("fieldwork.open")} block={data.open} testId="open-orders" />
        <OrdersCard title={t("fieldwork.overdue")} block={data.overdue} testId="overdue-orders" />
      </div>
      <div className="fieldwork__grid">
        <Card title={t("fieldwork.workDay.record")} size="small">
          <Form form={form} layout="vertical" onFinish={save} initialValues={{ workedOn: chinaTime() }}>
            {error && <Alert type="error" showIcon title={error} className="fieldwork__error" />}
            <Form.Item name="workedOn" label={t("fieldwork.workDay.workedOn")} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} data-testid="worked-on" />
            </Form.Item>
            <Form.Item
              name="places"
              label={t("fieldwork.workDay.places")}
              rules={[...required, { max: 500 }]}
            >
              <Input maxLength={500} data-testid="work-places" />
            </Form.Item>
            <Form.Item
              name="people"
              label={t("fieldwork.workDay.people")}
              rules={[...required, { max: 500 }]}
            >
              <Input maxLength={500} data-testid="work-people" />
            </Form.Item>
            <Form.Item name="peopleMet" label={t("fieldwork.workDay.peopleMet")}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
            <Form.Item name="problems" label={t("fieldwork.workDay.problems")} rules={[{ max: 4000 }]}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="work-problems" />
            </Form.Item>
            <Form.Item name="casesCoordinated" label={t("fieldwork.workDay.casesCoordinated")}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
            <Form.Item name="problemsSolved" label={t("fieldwork.workDay.problemsSolved")}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="save-work-day">
              {t("fieldwork.workDay.save")}
            </Button>
          </Form>
        </Card>
        <Card title={t("fieldwork.workDay.list")} size="small">
          <List
            dataSource={data.workDays}
            locale={{ emptyText: <Empty description={t("fieldwork.workDay.none")} /> }}
            renderItem={(day) => (
              <List.Item data-testid="work-day" data-id={day.id}>
                <div className="fieldwork__record">
                  <div>
                    <Typography.Text strong>{day.workedOn}</Typography.Text>{" "}
                    {day.topic && <Tag>{day.topic}</Tag>}
                    <div>{day.places}</div>
                    <Typography.Text type="secondary">
                      {day.people} ·{" "}
                      {t("fieldwork.workDay.counts", {
                        coordinated: day.casesCoordinated,
                        solved: day.problemsSolved,
                      })}
                    </Typography.Text>
                    {day.problems && <div>{day.problems}</div>}
                  </div>
                  <RaiseDemandButton
                    raised={day.orders}
                    initial={day.problems}
                    raise={(content) => fieldworkApi.raiseFromWorkDay(day.id, content)}
                    onRaised={page.reload}
                    testId="work-day-demands"
                  />
                </div>
              </List.Item>
            )}
          />
        </Card>
      </div>
    </div>
  );
}

function OrdersCard({
  title,
  block,
  testId,
}: {
  title: string;
  block: { total: number; items: OrderLine[] };
  testId: string;
}) {
  const t = useT();
  return (
    <Card title={`${title} (${block.total})`} size="small" data-testid={testId} data-total={block.total}>
      <List
        size="small"
        dataSource={block.items}
        locale={{ emptyText: <Empty description={t("fieldwork.noOrders")} /> }}
        renderItem={(order) => (
          <List.Item>
            <span>
              {order.orderNo} {order.title}
            </span>
            <span>
              <OrderStateTag state={order.state} /> {formatShort(order.handlingDueAt)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
