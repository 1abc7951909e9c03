import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Select, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { type Council, jointApi } from "../../api/joint";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { FadeModal } from "../../components/FadeModal";
import { useAdminSave } from "../../hooks/useAdminSave";
import { useRegionNames } from "../../hooks/useRegionNames";
import { useT } from "../../i18n/context";
import type { JointOpen } from "./open";

interface Values {
  kind: Council["kind"];
  name: string;
  regionCode: string;
  foundedOn: Dayjs;
}

/** The jurisdiction's 共建联合会 and 党建联盟 with their counts; staff found new ones. */
export function CouncilsTab(props: { version: number; open: JointOpen; mayManage: boolean }) {
  const t = useT();
  const councils = useRequest((signal) => jointApi.councils(signal), [props.version]);
  const regions = useRegionNames();
  const [founding, setFounding] = useState(false);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const { saving, error, save } = useAdminSave();
  const streets = [
    ...new Map(regions.features.map((f) => [f.properties.streetCode, f.properties.streetName])),
  ];
  const submit = (values: Values) =>
    save(async () => {
      const { id } = await jointApi.found({ ...values, foundedOn: values.foundedOn.format("YYYY-MM-DD") });
      setFounding(false);
      councils.reload();
      props.open.council(id);
    });

  return (
    <Card
      size="small"
      extra={
        props.mayManage && (
          <Button icon={<PlusOutlined />} onClick={() => setFounding(true)}>
            {t("joint.found")}
          </Button>
        )
      }
    >
      {councils.error && <LoadErrorAlert error={councils.error} onRetry={councils.reload} />}
      <Table<Council>
        size="small"
        rowKey="id"
        loading={councils.loading}
        dataSource={councils.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("joint.empty")} /> }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(row) => ({ onClick: () => props.open.council(row.id), "data-council-id": row.id })}
        columns={[
          {
            title: t("joint.field.name"),
            render: (_, c) => (
              <span>
                <Typography.Link>{c.name}</Typography.Link>
                <div className="muted">
                  {t(`joint.kind.${c.kind}`)} · {regions.nameOf(c.regionCode)}
                </div>
              </span>
            ),
          },
          { title: t("joint.field.members"), dataIndex: "members", width: 90, responsive: ["md"] },
          { title: t("joint.field.meetings"), dataIndex: "meetings", width: 90, responsive: ["sm"] },
          { title: t("joint.field.projects"), dataIndex: "projects", width: 90, responsive: ["sm"] },
          { title: t("joint.field.solved"), dataIndex: "solved", width: 90 },
        ]}
        data-testid="joint-councils"
      />
      <FadeModal
        open={founding}
        title={t("joint.found")}
        onCancel={() => setFounding(false)}
        onOk={() => form.submit()}
        confirmLoading={saving}
      >
        <Form
          form={form}
          name="jointCouncil"
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: "council" }}
        >
          <Form.Item name="kind" label={t("joint.field.kind")}>
            <Select
              options={(["council", "alliance"] as const).map((k) => ({
                value: k,
                label: t(`joint.kind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t("joint.field.name")} rules={[{ required: true, max: 80 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regionCode" label={t("joint.field.region")} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={
                kind === "alliance"
                  ? streets.map(([code, name]) => ({ value: code, label: name }))
                  : regions.communities.map((c) => ({ value: c.code, label: c.name }))
              }
            />
          </Form.Item>
          <Form.Item name="foundedOn" label={t("joint.field.foundedOn")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      </FadeModal>
    </Card>
  );
}
