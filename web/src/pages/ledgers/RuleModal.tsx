import { Alert, App, DatePicker, Form, Input, Select, Spin, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { api } from "../../api/endpoints";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { FadeModal } from "../../components/FadeModal";
import { type CategoryNode, chinaTime, ordersApi } from "../../components/orders";
import { useCategoryTree, useDebouncedValue } from "../../components/orders/intake";
import { useT } from "../../i18n/context";
import { ledgersApi, type RuleDetail } from "./api";

interface RuleValues {
  title: string;
  content: string;
  regionCode: string;
  categoryCode?: string;
  adoptedOn: Dayjs;
  orderIds: string[];
}

interface Option {
  value: string;
  label: string;
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const toTreeOption = (node: CategoryNode): TreeOption => ({
  value: node.code,
  title: `${node.code} ${node.name}`,
  children: node.children.map(toTreeOption),
});

/**
 * 制度清单 entry written or rewritten: its name and content, the region that adopted it (the
 * writer's own or one below), the problem category, the date and the demands it answers.
 * `ruleId` null writes a new one; undefined keeps the modal closed.
 */
export function RuleModal({
  ruleId,
  onClose,
  onSaved,
}: {
  ruleId: string | null | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = ruleId !== undefined;
  const existing = useRequest(
    (signal) => (ruleId ? ledgersApi.rule(ruleId, signal) : Promise.resolve(null)),
    [ruleId],
  );
  const rule: RuleDetail | null = ruleId ? (existing.data ?? null) : null;
  const categories = useCategoryTree();
  const children = useRequest(
    (signal) =>
      me.regionCode ? api.regions({ parent: me.regionCode }, signal) : Promise.resolve({ items: [] }),
    [me.regionCode],
  );
  const regionOptions = useMemo(() => {
    const options: Option[] = [];
    if (me.regionCode) options.push({ value: me.regionCode, label: me.regionName ?? me.regionCode });
    for (const region of children.data?.items ?? []) options.push({ value: region.code, label: region.name });
    if (rule && !options.some((option) => option.value === rule.regionCode)) {
      options.push({ value: rule.regionCode, label: rule.regionName ?? rule.regionCode });
    }
    return options;
  }, [me.regionCode, me.regionName, children.data, rule]);

  // The demands to link: found by order number or words, plus those already linked.
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim(), 300);
  const [found, setFound] = useState<Option[]>([]);
  useEffect(() => {
    if (!open || query.length < 2) return;
    const controller = new AbortController();
    ordersApi.list({ q: query, pageSize: 10 }, controller.signal).then(
      (page) =>
        setFound(page.items.map((order) => ({ value: order.id, label: `${order.orderNo} ${order.title}` }))),
      () => undefined,
    );
    return () => controller.abort();
  }, [open, query]);
  const [linked, setLinked] = useState<Option[]>([]);
  useEffect(() => {
    setLinked(
      rule ? rule.orders.map((order) => ({ value: order.id, label: `${order.orderNo} ${order.title}` })) : [],
    );
  }, [rule]);
  const orderOptions = useMemo(() => {
    const all = [...linked, ...found];
    return all.filter((option, index) => all.findIndex((o) => o.value === option.value) === index);
  }, [linked, found]);

  useEffect(() => {
    if (!open) return;
    if (rule) {
      form.setFieldsValue({
        title: rule.title,
        content: rule.content,
        regionCode: rule.regionCode,
        categoryCode: rule.category?.code,
        adoptedOn: rule.adoptedOn ? dayjs(rule.adoptedOn) : undefined,
        orderIds: rule.orders.map((order) => order.id),
      });
    } else if (ruleId === null) {
      form.setFieldsValue({ regionCode: me.regionCode ?? undefined, adoptedOn: chinaTime(), orderIds: [] });
    }
  }, [open, rule, ruleId, form, me.regionCode]);

  const save = async () => {
    let values: RuleValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await ledgersApi.saveRule(ruleId ?? null, {
        title: values.title.trim(),
        content: values.content.trim(),
        regionCode: values.regionCode,
        ...(values.categoryCode ? { categoryCode: values.categoryCode } : {}),
        adoptedOn: values.adoptedOn.format("YYYY-MM-DD"),
        orderIds: values.orderIds ?? [],
      });
      message.success(t("ledgers.rules.saved"));
      onSaved();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };

  const loading = ruleId ? existing.loading : false;
  return (
    <FadeModal
      open={open}
      width={640}
      title={rule ? t("ledgers.rules.editTitle", { title: rule.title }) : t("ledgers.rules.newTitle")}
      okText={t("ledgers.rules.save")}
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      afterClose={() => {
        setError(null);
        setSearch("");
        setFound([]);
      }}
      okButtonProps={{ disabled: loading, "data-testid": "rule-save" }}
    >
      <Spin spinning={loading}>
        <Form form={form} layout="vertical" preserve={false} data-testid="rule-form">
          <Form.Item
            name="title"
            label={t("ledgers.rules.title")}
            rules={[
              { required: true, whitespace: true, message: t("ledgers.rules.titleRequired") },
              { min: 2, max: 200, message: t("ledgers.rules.titleRequired") },
            ]}
          >
            <Input maxLength={200} data-testid="rule-title" />
          </Form.Item>
          <Form.Item
            name="content"
            label={t("ledgers.rules.content")}
            rules={[
              { required: true, whitespace: true, message: t("ledgers.rules.contentRequired") },
              { min: 2, message: t("ledgers.rules.contentRequired") },
            ]}
          >
            <Input.TextArea rows={4} maxLength={20_000} data-testid="rule-content" />
          </Form.Item>
          <div className="ledgers-rule__row">
            <Form.Item
              name="regionCode"
              label={t("ledgers.rules.region")}
              rules={[{ required: true, message: t("ledgers.rules.regionRequired") }]}
            >
              <Select options={regionOptions} showSearch optionFilterProp="label" data-testid="rule-region" />
            </Form.Item>
            <Form.Item
              name="adoptedOn"
              label={t("ledgers.rules.adoptedOn")}
              rules={[{ required: true, message: t("ledgers.rules.adoptedOnRequired") }]}
            >
              <DatePicker className="ledgers-rule__date" data-testid="rule-adopted-on" />
            </Form.Item>
          </div>
          <Form.Item name="categoryCode" label={t("ledgers.rules.category")}>
            <TreeSelect
              allowClear
              showSearch
              treeNodeFilterProp="title"
              treeData={(categories ?? []).map(toTreeOption)}
              data-testid="rule-category"
            />
          </Form.Item>
          <Form.Item name="orderIds" label={t("ledgers.rules.orders")}>
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              onSearch={setSearch}
              placeholder={t("ledgers.rules.ordersHint")}
              options={orderOptions}
              onChange={(_, chosen) => {
                const picked = (Array.isArray(chosen) ? chosen : [chosen]) as Option[];
                setLinked((before) => [
                  ...before,
                  ...picked.filter((o) => o && !before.some((b) => b.value === o.value)),
                ]);
              }}
              data-testid="rule-orders"
            />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} data-testid="rule-error" />}
        </Form>
      </Spin>
    </FadeModal>
  );
}
