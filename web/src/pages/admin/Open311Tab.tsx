import { CopyOutlined, KeyOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { formatTime } from "../../components/orders";
import { ServerError } from "../../components/ServerError";
import { useAdminSave, useRowAction } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { adminApi, type Open311Key } from "./api";

/**
 * 开放接口: Open311 keys. An admin issues one per civic app (shown once), sees how many demands each
 * posted, and revokes a key that leaked or an app that stopped.
 */
export function Open311Tab() {
  const t = useT();
  const { message } = App.useApp();
  const list = useRequest((signal) => adminApi.open311Keys(signal), []);
  const [form] = Form.useForm<{ name: string }>();
  const editor = useAdminSave();
  const act = useRowAction();
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const endpoint = `${window.location.origin}/open311/v2/discovery.json`;

  const issue = ({ name }: { name: string }) =>
    editor.save(async () => {
      const created = await adminApi.issueOpen311Key(name.trim());
      setIssued({ name: created.name, key: created.key });
      form.resetFields();
      list.reload();
    });

  const revoke = (key: Open311Key) =>
    act(async () => {
      await adminApi.revokeOpen311Key(key.id);
      list.reload();
    }, t("open311.revokedDone"));

  const copy = async (key: string) => {
    await navigator.clipboard.writeText(key);
    message.success(t("open311.copied"));
  };

  return (
    <Card size="small" className="admin-card" title={t("open311.title")} data-testid="open311-keys">
      <Typography.Paragraph type="secondary">{t("open311.intro")}</Typography.Paragraph>
      <Descriptions size="small" column={1} className="admin-form__error">
        <Descriptions.Item label={t("open311.endpoint")}>
          <Typography.Text code copyable>
            {endpoint}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("open311.jurisdiction")}>
          <Typography.Text code>{list.data?.jurisdictionId ?? "—"}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="inline" onFinish={issue} disabled={editor.saving}>
        <Form.Item
          name="name"
          rules={[{ required: true, whitespace: true, message: t("open311.nameRequired") }, { max: 60 }]}
        >
          <Input placeholder={t("open311.name")} maxLength={60} style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={editor.saving}>
          {t("open311.issue")}
        </Button>
      </Form>
      <ServerError error={editor.error} />
      {issued && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setIssued(null)}
          className="admin-form__error"
          data-testid="open311-issued"
          title={t("open311.issued", { name: issued.name })}
          description={
            <Typography.Text code style={{ wordBreak: "break-all" }}>
              {issued.key}{" "}
              <Button size="small" icon={<CopyOutlined />} onClick={() => copy(issued.key)}>
                {t("open311.copy")}
              </Button>
            </Typography.Text>
          }
        />
      )}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<Open311Key>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("open311.name"), dataIndex: "name" },
          { title: t("open311.hint"), dataIndex: "hint", width: 110 },
          {
            title: t("open311.createdAt"),
            dataIndex: "createdAt",
            width: 150,
            render: (at: string) => formatTime(at),
          },
          { title: t("open311.createdBy"), dataIndex: "createdBy", width: 110 },
          { title: t("open311.requests"), dataIndex: "requests", width: 110, align: "right" },
          {
            title: t("open311.status"),
            key: "status",
            width: 170,
            render: (_, key) =>
              key.revokedAt ? (
                <Tag>{t("open311.revoked", { at: formatTime(key.revokedAt) })}</Tag>
              ) : (
                <Tag color="green">{t("open311.active")}</Tag>
              ),
          },
          {
            key: "ops",
            width: 80,
            render: (_, key) =>
              key.revokedAt ? null : (
                <Popconfirm title={t("open311.confirmRevoke")} onConfirm={() => revoke(key)}>
                  <Button size="small" danger>
                    {t("open311.revoke")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
