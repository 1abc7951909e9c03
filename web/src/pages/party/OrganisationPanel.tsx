import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { useAdminSave, useRowAction } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { childKinds, type Duty, MEMBER_DUTIES, type Member, partyApi } from "./api";

/**
 * One organisation: its place, secretary and members; those who maintain it (the server says so in
 * `canManage`) add members, change the secretary, dissolve it or add an organisation under it.
 */
export function OrganisationPanel(props: {
  id: number;
  regionName: (code: string) => string;
  onChanged: () => void;
  onAddChild: () => void;
}) {
  const { id, regionName, onChanged, onAddChild } = props;
  const t = useT();
  const detail = useRequest((signal) => partyApi.organisation(id, signal), [id]);
  const [form] = Form.useForm<{ name: string; duty: Duty }>();
  const [secretary, setSecretary] = useState<string | null>(null);
  const { saving, error, save } = useAdminSave();
  const act = useRowAction();
  const org = detail.data;
  if (detail.error) return <LoadErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!org) return <Card loading />;
  const changed = () => {
    detail.reload();
    onChanged();
  };
  /** A change from a button: a refusal shows as a message, success reloads. */
  const run = (change: () => Promise<unknown>) =>
    act(async () => {
      await change();
      changed();
    });

  const addMember = (values: { name: string; duty: Duty }) =>
    save(async () => {
      await partyApi.addMember(id, values);
      form.resetFields();
      changed();
    });

  return (
    <Card
      size="small"
      title={
        <Space>
          {org.name}
          <Tag color="red">{t(`party.kind.${org.kind}`)}</Tag>
          {!org.active && <Tag>{t("party.retired")}</Tag>}
        </Space>
      }
      data-testid="party-org-panel"
      data-org-id={org.id}
      extra={
        org.canManage &&
        org.active && (
          <Space>
            {childKinds(org.kind).length > 0 && (
              <Button size="small" onClick={onAddChild} data-testid="party-add-child">
                {t("party.addChild")}
              </Button>
            )}
            <Popconfirm
              title={t("party.retireConfirm")}
              onConfirm={() => run(() => partyApi.update(id, { active: false }))}
            >
              <Button size="small" danger>
                {t("party.retire")}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t("party.field.region")}>
          {regionName(org.regionCode)}
          {org.placeName ? ` · ${org.placeName}` : ""}
        </Descriptions.Item>
        <Descriptions.Item label={t("party.field.secretary")}>
          {org.canManage && secretary !== null ? (
            <Space.Compact>
              <Input
                size="small"
                value={secretary}
                maxLength={40}
                onChange={(e) => setSecretary(e.target.value)}
              />
              <Button
                size="small"
                type="primary"
                onClick={() =>
                  act(async () => {
                    await partyApi.update(id, { secretary: secretary.trim() || null });
                    setSecretary(null);
                    changed();
                  })
                }
              >
                OK
              </Button>
            </Space.Compact>
          ) : (
            <Space>
              {org.secretary ?? "—"}
              {org.canManage && (
                <Button size="small" type="link" onClick={() => setSecretary(org.secretary ?? "")}>
                  {t("party.edit")}
                </Button>
              )}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("party.field.foundedOn")}>{org.foundedOn ?? "—"}</Descriptions.Item>
      </Descriptions>
      <Table<Member>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={org.members}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("party.noMembers")} />,
        }}
        columns={[
          { title: t("party.field.memberName"), dataIndex: "name" },
          {
            title: t("party.field.duty"),
            render: (_, m) =>
              org.canManage && m.active ? (
                <Select<Duty>
                  size="small"
                  value={m.duty}
                  style={{ width: 110 }}
                  options={MEMBER_DUTIES.map((d) => ({ value: d, label: t(`party.duty.${d}`) }))}
                  onChange={(duty) => run(() => partyApi.updateMember(m.id, { duty }))}
                />
              ) : (
                t(`party.duty.${m.duty}`)
              ),
          },
          {
            title: "",
            width: 80,
            render: (_, m) =>
              !m.active ? (
                <Tag>{t("party.inactive")}</Tag>
              ) : (
                org.canManage && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => run(() => partyApi.updateMember(m.id, { active: false }))}
                  >
                    {t("party.memberRetire")}
                  </Button>
                )
              ),
          },
        ]}
        data-testid="party-members"
      />
      {org.canManage && org.active && (
        <Form
          form={form}
          name="partyMember"
          layout="inline"
          onFinish={addMember}
          className="party-member-form"
          initialValues={{ duty: "member" }}
        >
          <Form.Item name="name" rules={[{ required: true, max: 40 }]}>
            <Input placeholder={t("party.field.memberName")} />
          </Form.Item>
          <Form.Item name="duty">
            <Select
              style={{ width: 110 }}
              options={MEMBER_DUTIES.map((d) => ({ value: d, label: t(`party.duty.${d}`) }))}
            />
          </Form.Item>
          <Button htmlType="submit" loading={saving}>
            {t("party.addMember")}
          </Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Card>
  );
}
