import { Alert, Button, Empty, Skeleton, Tree } from "antd";
import type { DataNode } from "antd/es/tree";
import { useCallback, useEffect, useState } from "react";
import { api } from "../../api/endpoints";
import type { RegionSummary } from "../../api/types";
import { useRequest } from "../../api/useRequest";
import { useT } from "../../i18n/context";

interface RegionNode extends DataNode {
  key: string;
  region: RegionSummary;
  children?: RegionNode[];
}

interface RegionTreeProps {
  selectedCode: string | null;
  onSelect: (region: RegionSummary) => void;
}

function toNode(region: RegionSummary): RegionNode {
  return { key: region.code, region, isLeaf: region.level === "grid" || region.childCount === 0 };
}

function withChildren(nodes: RegionNode[], parentCode: string, children: RegionNode[]): RegionNode[] {
  return nodes.map((node) => {
    if (node.key === parentCode) return { ...node, children };
    if (node.children) return { ...node, children: withChildren(node.children, parentCode, children) };
    return node;
  });
}

/** The region hierarchy; children are fetched when a node is first expanded. */
export function RegionTree({ selectedCode, onSelect }: RegionTreeProps) {
  const t = useT();
  const top = useRequest(async (signal) => {
    const { items } = await api.regions({}, signal);
    const roots = items.map(toNode);
    if (roots.length !== 1 || roots[0].isLeaf) return roots;
    const children = await api.regions({ parent: roots[0].key }, signal);
    return [{ ...roots[0], children: children.items.map(toNode) }];
  }, []);
  const [nodes, setNodes] = useState<RegionNode[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!top.data) return;
    setNodes(top.data);
    setExpandedKeys(top.data.filter((node) => node.children).map((node) => node.key));
  }, [top.data]);

  const loadChildren = useCallback(async (node: RegionNode) => {
    if (node.children) return;
    try {
      const { items } = await api.regions({ parent: node.key });
      setNodes((current) => withChildren(current, node.key, items.map(toNode)));
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }, []);

  if (top.loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (top.error) {
    return (
      <Alert
        type="error"
        showIcon
        title={t("error.loadFailed")}
        description={top.error.message}
        action={
          <Button size="small" onClick={top.reload}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  }
  if (nodes.length === 0) return <Empty description={t("regions.treeEmpty")} />;

  return (
    <>
      {loadError && <Alert type="error" showIcon closable title={loadError} className="region-tree__error" />}
      <Tree<RegionNode>
        className="region-tree"
        blockNode
        treeData={nodes}
        loadData={loadChildren}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys as string[])}
        selectedKeys={selectedCode ? [selectedCode] : []}
        onSelect={(_, { node }) => onSelect(node.region)}
        titleRender={(node) => (
          <span className={`region-tree__node region-tree__node--${node.region.level}`}>
            <span className="region-tree__name">{node.region.name}</span>
            {node.region.level !== "grid" && node.region.childCount > 0 && (
              <span className="region-tree__count">{node.region.childCount}</span>
            )}
          </span>
        )}
      />
    </>
  );
}
