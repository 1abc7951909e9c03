import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import {
  type CouncilMember,
  jointApi,
  type ListItem,
  lines,
  MEMBER_KINDS,
  type MemberKind,
} from "../../api/joint";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { ProjectStateTag } from "../../components/joint/ProjectStateTag";
import { useAdminSave } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { MeetingForm } from "./MeetingForm";
import type { JointOpen } from "./open";

/**
 * One council or alliance: its member organisations, 需求清单 and 资源清单 (each entry shows the
 * project it was matched into), its meetings and projects; those who maintain it add to each.
 */
export function CouncilDrawer(props: {
  id: number;
  open: JointOpen;
  version: number;
  onChanged: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const detail = useRequest((signal) => jointApi.council(props.id, signal), [props.id, props.version]);
  const council = detail.data;
  const changed = () => {
    detail.reload();
    props.onChanged();
  };
  const memberName = (id: number | null) => council?.memberList.find((m) => m.id === id)?.name ?? "—";

  return (
    <Drawer open width={760} title={council?.name} onClose={props.onClose} data-testid="joint-council">
      {detail.error && <LoadErrorAlert error={detail.error} onRetry={detail.reload} />}
      {council && (
        <Space orientation="vertical" size={16} className="joint-panel">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t("joint.field.kind")}>
              {t(`joint.kind.${council.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t("joint.field.foundedOn")}>{council.foundedOn}</Descriptions.Item>
            <Descriptions.Item label={t("joint.field.meetings")}>{council.meetings}</Descriptions.Item>
            <Descriptions.Item label={t("joint.field.projects")}>
              {council.projects} · {t("joint.field.solved")} {council.solved}
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5}>{t("joint.members")}</Typography.Title>
          <Table<CouncilMember>
            size="small"
            rowKey="id"
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={council.memberList}
            columns={[
              { title: t("joint.field.name"), dataIndex: "name" },
              { title: t("joint.field.kind"), render: (_, m) => t(`joint.memberKind.${m.kind}`), width: 120 },
              { title: t("joint.field.contact"), dataIndex: "contact", width: 100 },
              { title: t("joint.field.joinedOn"), dataIndex: "joinedOn", width: 110 },
            ]}
          />
          {council.canManage && <MemberForm councilId={council.id} onSaved={changed} />}

          {(["needs", "resources"] as const).map((list) => (
            <div key={list}>
              <Typography.Title level={5}>{t(`joint.${list}`)}</Typography.Title>
              <List<ListItem>
                size="small"
                dataSource={council.listItems.filter((i) => i.list === list)}
                renderItem={(item) => (
                  <List.Item>
                    <span>
                      {item.title}
                      {item.memberId !== null && (
                        <span className="muted"> · {memberName(item.memberId)}</span>
                      )}
                    </span>
                    {item.projectId !== null ? (
                      <Typography.Link onClick={() => props.open.project(item.projectId as number)}>
                        {t("joint.item.matched", { id: item.projectId })}
                      </Typography.Link>
                    ) : (
                      <Tag>{t("joint.item.open")}</Tag>
                    )}
                  </List.Item>
                )}
              />
              {council.canManage && (
                <ItemForm councilId={council.id} list={list} members={council.memberList} onSaved={changed} />
              )}
            </div>
          ))}

          <Typography.Title level={5}>{t("joint.meetings")}</Typography.Title>
          <List
            size="small"
            dataSource={council.meetingList}
            pagination={council.meetingList.length > 8 ? { pageSize: 8, size: "small" } : false}
            renderItem={(m) => (
              <List.Item data-meeting-id={m.id}>
                <Typography.Link onClick={() => props.open.meeting(m.id)}>{m.topic}</Typography.Link>
                <span className="muted">{m.heldOn}</span>
              </List.Item>
            )}
          />
          {council.canManage && (
            <MeetingForm
              councilId={council.id}
              onSaved={(id) => {
                changed();
                props.open.meeting(id);
              }}
            />
          )}

          <Typography.Title level={5}>{t("joint.field.projects")}</Typography.Title>
          <List
            size="small"
            dataSource={council.projectList}
            pagination={council.projectList.length > 8 ? { pageSize: 8, size: "small" } : false}
            renderItem={(p) => (
              <List.Item>
                <Typography.Link onClick={() => props.open.project(p.id)}>{p.title}</Typography.Link>
                <ProjectStateTag state={p.state} />
              </List.Item>
            )}
          />
        </Space>
      )}
    </Drawer>
  );
}

function MemberForm(props: { councilId: number; onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ kind: MemberKind; name: string; contact?: string; joinedOn: Dayjs }>();
  const { saving, error, save } = useAdminSave();
  return (
    <Form
      form={form}
      name="jointMember"
      layout="inline"
      className="joint-inline-form"
      initialValues={{ kind: "resident_unit" }}
      onFinish={(values) =>
        save(async () => {
          await jointApi.addMember(props.councilId, {
            ...values,
            contact: values.contact || undefined,
            joinedOn: values.joinedOn.format("YYYY-MM-DD"),
          });
          form.resetFields();
          props.onSaved();
        })
      }
    >
      <Form.Item name="kind">
        <Select
          style={{ width: 130 }}
          options={MEMBER_KINDS.map((k) => ({ value: k, label: t(`joint.memberKind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="name" rules={[{ required: true, max: 80 }]}>
        <Input placeholder={t("joint.field.name")} />
      </Form.Item>
      <Form.Item name="contact" rules={[{ max: 40 }]}>
        <Input placeholder={t("joint.field.contact")} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="joinedOn" rules={[{ required: true }]}>
        <DatePicker placeholder={t("joint.field.joinedOn")} />
      </Form.Item>
      <Button htmlType="submit" loading={saving}>
        {t("joint.addMember")}
      </Button>
      {error && <Alert type="error" showIcon title={error} />}
    </Form>
  );
}

function ItemForm(props: {
  councilId: number;
  list: ListItem["list"];
  members: readonly CouncilMember[];
  onSaved: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ title: string; memberId?: number }>();
  const { saving, error, save } = useAdminSave();
  return (
    <Form
      form={form}
      name={`joint-${props.list}`}
      layout="inline"
      className="joint-inline-form"
      onFinish={(values) =>
        save(async () => {
          await jointApi.addItem(props.councilId, {
            list: props.list,
            title: lines(values.title).join(" "),
            memberId: values.memberId,
          });
          form.resetFields();
          props.onSaved();
        })
      }
    >
      <Form.Item name="title" rules={[{ required: true, max: 200 }]}>
        <Input placeholder={t("joint.item.title")} style={{ width: 240 }} />
      </Form.Item>
      {props.list === "resources" && (
        <Form.Item name="memberId" rules={[{ required: true }]}>
          <Select
            style={{ width: 180 }}
            placeholder={t("joint.item.member")}
            options={props.members.filter((m) => m.active).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
      )}
      <Button htmlType="submit" loading={saving}>
        {t(props.list === "needs" ? "joint.addNeed" : "joint.addResource")}
      </Button>
      {error && <Alert type="error" showIcon title={error} />}
    </Form>
  );
}
