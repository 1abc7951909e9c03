import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Input, Row, Space, Tag, Tree } from "antd";
import type { DataNode } from "antd/es/tree";
import { useMemo, useState } from "react";
import type { RequestState } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import type { useRegionNames } from "../../hooks/useRegionNames";
import { useT } from "../../i18n/context";
import type { Organisation } from "./api";
import { OrganisationForm } from "./OrganisationForm";
import { OrganisationPanel } from "./OrganisationPanel";

/** The tree as antd wants it: each organisation under its parent, retired ones greyed. */
function buildTree(items: readonly Organisation[], label: (o: Organisation) => React.ReactNode): DataNode[] {
  const known = new Set(items.map((o) => o.id));
  const children = new Map<number | null, Organisation[]>();
  for (const o of items) {
    const parent = o.parentId !== null && known.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const nodes = (parent: number | null): DataNode[] =>
    (children.get(parent) ?? []).map((o) => ({
      key: o.id,
      title: label(o),
      children: children.has(o.id) ? nodes(o.id) : undefined,
    }));
  return nodes(null);
}

/**
 * 组织体系: the jurisdiction's organisations as a tree (社区党委 → 网格党支部/党小组 → 楼栋党小组 →
 * 党员中心户) beside the chosen one's panel; a search flattens it to the matches.
 */
export function OrganisationTree(props: {
  organisations: RequestState<{ items: Organisation[] }>;
  regions: ReturnType<typeof useRegionNames>;
  mayManage: boolean;
}) {
  const { organisations, regions, mayManage } = props;
  const t = useT();
  const [selected, setSelected] = useState<number | null>(null);
  const [search, setSearch] = useState("");
  const [adding, setAdding] = useState<Organisation | null | undefined>(undefined);
  const items = organisations.data?.items ?? [];
  const byId = useMemo(() => new Map(items.map((o) => [o.id, o])), [items]);

  const treeData = useMemo(() => {
    const label = (o: Organisation) => (
      <span className={o.active ? undefined : "muted"} data-org-name={o.name}>
        {o.name} <Tag className="party-tree__kind">{t(`party.kind.${o.kind}`)}</Tag>
        {o.secretary && <span className="muted">{o.secretary}</span>}
      </span>
    );
    const needle = search.trim();
    const shown = needle
      ? items.filter((o) => o.name.includes(needle) || (o.secretary ?? "").includes(needle))
      : items;
    return needle
      ? shown.map((o) => ({ key: o.id, title: label(o), isLeaf: true }))
      : buildTree(shown, label);
  }, [items, search, t]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          className="party-tree-card"
          title={
            <Input.Search
              allowClear
              placeholder={t("party.search")}
              onChange={(e) => setSearch(e.target.value)}
              aria-label={t("party.search")}
            />
          }
          extra={
            mayManage && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(null)} data-testid="party-add">
                {t("party.add")}
              </Button>
            )
          }
        >
          {organisations.error && (
            <LoadErrorAlert error={organisations.error} onRetry={organisations.reload} />
          )}
          {items.length === 0 && !organisations.loading ? (
            <Empty description={t("party.empty")} />
          ) : (
            <Tree
              treeData={treeData}
              height={560}
              selectedKeys={selected === null ? [] : [selected]}
              onSelect={(keys) => setSelected(keys.length ? Number(keys[0]) : null)}
              data-testid="party-tree"
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {selected === null ? (
          <Card size="small">
            <Empty description={t("party.pick")} />
          </Card>
        ) : (
          <Space orientation="vertical" className="party-panel">
            <OrganisationPanel
              id={selected}
              regionName={regions.nameOf}
              onChanged={organisations.reload}
              onAddChild={() => setAdding(byId.get(selected) ?? null)}
            />
          </Space>
        )}
      </Col>
      {adding !== undefined && (
        <OrganisationForm
          parent={adding}
          communities={regions.communities}
          gridsOf={regions.gridsOf}
          onClose={() => setAdding(undefined)}
          onSaved={(id) => {
            setAdding(undefined);
            setSelected(id);
            organisations.reload();
          }}
        />
      )}
    </Row>
  );
}
