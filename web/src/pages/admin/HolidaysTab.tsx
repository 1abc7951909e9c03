import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { ServerError } from "../../components/ServerError";
import { useAdminSave, useRowAction } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { adminApi, type CalendarDay } from "./api";

/**
 * 节假日: a year's days off and make-up working days — the official arrangement (shipped up to the
 * last published year) merged with the admin's rows; next year's are added here once announced.
 */
export function HolidaysTab() {
  const t = useT();
  const [year, setYear] = useState(dayjs().year());
  const list = useRequest((signal) => adminApi.holidays(year, signal), [year]);
  const [form] = Form.useForm();
  const editor = useAdminSave();
  const act = useRowAction();
  const official = list.data?.officialYears;
  const beyondOfficial = official !== undefined && official.length > 0 && year > Math.max(...official);

  const add = (values: { day: Dayjs; kind: "holiday" | "workday"; name: string }) =>
    editor.save(async () => {
      await adminApi.addHoliday({
        day: values.day.format("YYYY-MM-DD"),
        kind: values.kind,
        name: values.name.trim(),
      });
      form.resetFields(["day", "name"]);
      if (values.day.year() !== year) setYear(values.day.year());
      else list.reload();
    });

  const remove = (day: CalendarDay) =>
    act(async () => {
      await adminApi.deleteHoliday(day.day);
      list.reload();
    }, t("admin.deleted"));

  return (
    <Card
      size="small"
      className="admin-card"
      title={t("admin.holidays.title")}
      extra={
        <Space>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => value && setYear(Number(value))}
          />
          <Button onClick={() => setYear(dayjs().year() + 1)}>{t("admin.holidays.nextYear")}</Button>
        </Space>
      }
    >
      {beyondOfficial && (
        <Alert
          type="warning"
          showIcon
          className="admin-form__error"
          title={t("admin.holidays.noOfficial", { year })}
        />
      )}
      <Form
        form={form}
        layout="inline"
        className="admin-holiday-form"
        initialValues={{ kind: "holiday" }}
        onFinish={add}
        disabled={editor.saving}
      >
        <Form.Item name="day" rules={[{ required: true, message: t("admin.holidays.dayRequired") }]}>
          <DatePicker placeholder={t("admin.holidays.day")} />
        </Form.Item>
        <Form.Item name="kind" rules={[{ required: true }]}>
          <Select
            style={{ width: 150 }}
            options={[
              { value: "holiday", label: t("admin.holidays.holiday") },
              { value: "workday", label: t("admin.holidays.workday") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          rules={[
            { required: true, whitespace: true, message: t("admin.holidays.nameRequired") },
            { max: 30 },
          ]}
        >
          <Input placeholder={t("admin.holidays.name")} maxLength={30} style={{ width: 180 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={editor.saving}>
          {t("admin.holidays.add")}
        </Button>
      </Form>
      <ServerError error={editor.error} />
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<CalendarDay>
        size="small"
        rowKey="day"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 15, size: "small", showTotal: (count) => t("ops.list.total", { count }) }}
        columns={[
          {
            title: t("admin.holidays.day"),
            dataIndex: "day",
            width: 130,
            render: (day: string) => `${day} ${dayjs(day).format("ddd")}`,
          },
          {
            title: t("admin.holidays.kind"),
            dataIndex: "kind",
            width: 130,
            render: (kind: CalendarDay["kind"]) => (
              <Tag color={kind === "holiday" ? "red" : "blue"}>
                {t(kind === "holiday" ? "admin.holidays.holiday" : "admin.holidays.workday")}
              </Tag>
            ),
          },
          { title: t("admin.holidays.name"), dataIndex: "name" },
          {
            title: t("admin.holidays.source"),
            dataIndex: "source",
            width: 110,
            render: (source: CalendarDay["source"]) => (
              <Tag>{t(source === "official" ? "admin.holidays.official" : "admin.holidays.admin")}</Tag>
            ),
          },
          {
            key: "ops",
            width: 60,
            render: (_, day) =>
              day.source === "admin" ? (
                <Popconfirm title={t("admin.confirmDelete")} onConfirm={() => remove(day)}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("admin.delete")}
                  />
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
