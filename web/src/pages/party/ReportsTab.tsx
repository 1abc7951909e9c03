import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Select, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { FadeModal } from "../../components/FadeModal";
import { useAdminSave } from "../../hooks/useAdminSave";
import type { RegionChoice } from "../../hooks/useRegionNames";
import { useT } from "../../i18n/context";
import { partyApi, type Report } from "./api";

type Values = Omit<Report, "id" | "active" | "reportedOn"> & { reportedOn: Dayjs };

/** 双报到: party members and organisations of other units reporting to the communities, and what they pledge. */
export function ReportsTab(props: {
  nameOf: (code: string) => string;
  communities: readonly RegionChoice[];
  mayManage: boolean;
}) {
  const t = useT();
  const reports = useRequest((signal) => partyApi.reports(signal), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useAdminSave();
  const submit = (values: Values) =>
    save(async () => {
      await partyApi.addReport({ ...values, reportedOn: values.reportedOn.format("YYYY-MM-DD") });
      setOpen(false);
      form.resetFields();
      reports.reload();
    });

  return (
    <Card
      size="small"
      extra={
        props.mayManage && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t("party.report.add")}
          </Button>
        )
      }
    >
      {reports.error && <LoadErrorAlert error={reports.error} onRetry={reports.reload} />}
      <Table<Report>
        size="small"
        rowKey="id"
        loading={reports.loading}
        dataSource={reports.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("party.report.empty")} /> }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t("party.report.name"), dataIndex: "name", width: 140 },
          {
            title: t("party.report.kind"),
            width: 120,
            responsive: ["md"],
            render: (_, r) => t(`party.report.kind.${r.kind}`),
          },
          { title: t("party.report.homeUnit"), dataIndex: "homeUnit", width: 180, responsive: ["md"] },
          {
            title: t("party.report.community"),
            render: (_, r) => props.nameOf(r.regionCode),
            responsive: ["md"],
          },
          { title: t("party.report.pledge"), dataIndex: "pledge", ellipsis: true },
          { title: t("party.report.reportedOn"), dataIndex: "reportedOn", width: 110, responsive: ["sm"] },
        ]}
        data-testid="party-reports"
      />
      <FadeModal
        open={open}
        title={t("party.report.add")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={saving}
      >
        <Form
          form={form}
          name="partyReport"
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: "member" }}
        >
          <Form.Item name="regionCode" label={t("party.report.community")} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={props.communities.map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t("party.report.kind")}>
            <Select
              options={(["member", "organisation"] as const).map((k) => ({
                value: k,
                label: t(`party.report.kind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t("party.report.name")} rules={[{ required: true, max: 80 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="homeUnit" label={t("party.report.homeUnit")} rules={[{ required: true, max: 80 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="pledge" label={t("party.report.pledge")} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="reportedOn" label={t("party.report.reportedOn")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      </FadeModal>
    </Card>
  );
}
