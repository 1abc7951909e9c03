import { Alert, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { FadeModal } from "../../components/FadeModal";
import { useAdminSave } from "../../hooks/useAdminSave";
import type { RegionChoice } from "../../hooks/useRegionNames";
import { useT } from "../../i18n/context";
import { COMMUNITY_KINDS, childKinds, type Organisation, type OrganisationKind, partyApi } from "./api";

interface Values {
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  secretary?: string;
  foundedOn?: Dayjs;
}

/**
 * 新建组织: a community's 党委/党总支/党支部 (no parent), or one under `parent` — a grid's branch or
 * group under the community's, a building group or member household in the parent's grid.
 */
export function OrganisationForm(props: {
  parent: Organisation | null;
  communities: readonly RegionChoice[];
  gridsOf: (community: string) => RegionChoice[];
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { parent, onClose, onSaved } = props;
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useAdminSave();
  const kinds = parent ? childKinds(parent.kind) : [...COMMUNITY_KINDS];
  const underCommunity = parent !== null && COMMUNITY_KINDS.includes(parent.kind);
  // A community's own organisation picks its community; a grid's its grid; below that, the parent's grid.
  const regions = !parent ? props.communities : underCommunity ? props.gridsOf(parent.regionCode) : [];

  const submit = (values: Values) =>
    save(async () => {
      const { id } = await partyApi.create({
        kind: values.kind,
        name: values.name,
        regionCode: parent && !underCommunity ? parent.regionCode : values.regionCode,
        parentId: parent?.id,
        secretary: values.secretary || undefined,
        foundedOn: values.foundedOn?.format("YYYY-MM-DD"),
      });
      onSaved(id);
    });

  return (
    <FadeModal
      open
      title={parent ? `${t("party.addChild")} · ${parent.name}` : t("party.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        name="partyOrganisation"
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: kinds[0] }}
        data-testid="party-org-form"
      >
        <Form.Item name="kind" label={t("party.field.kind")} rules={[{ required: true }]}>
          <Select options={kinds.map((kind) => ({ value: kind, label: t(`party.kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t("party.field.name")} rules={[{ required: true, max: 80 }]}>
          <Input />
        </Form.Item>
        {regions.length > 0 && (
          <Form.Item name="regionCode" label={t("party.field.region")} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={regions.map((r) => ({ value: r.code, label: r.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="secretary" label={t("party.field.secretary")} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="foundedOn" label={t("party.field.foundedOn")}>
          <DatePicker />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </FadeModal>
  );
}
