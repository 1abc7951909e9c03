import { PhoneOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Avatar, Button, Descriptions, Drawer, Empty, Grid, List, Skeleton, Typography } from "antd";
import { api } from "../../api/endpoints";
import type { GridProperties, RegionDetail } from "../../api/types";
import { useRequest } from "../../api/useRequest";
import { useT } from "../../i18n/context";

export interface GridSelection {
  code: string;
  name: string;
  /** Known from the map's GeoJSON; absent when the grid was picked in the tree before the map loaded. */
  properties?: GridProperties;
}

function ancestorName(detail: RegionDetail | undefined, level: "street" | "community"): string | undefined {
  return detail?.ancestors.find((ancestor) => ancestor.level === level)?.name;
}

function GridDetailBody({ grid }: { grid: GridSelection }) {
  const t = useT();
  const detail = useRequest((signal) => api.region(grid.code, signal), [grid.code]);
  const communityName = ancestorName(detail.data, "community") ?? grid.properties?.communityName;
  const streetName = ancestorName(detail.data, "street") ?? grid.properties?.streetName;
  const placeholder = detail.loading ? <Skeleton.Input active size="small" /> : t("common.none");

  return (
    <div data-testid="grid-detail">
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 112 } }}>
        <Descriptions.Item label={t("regions.detail.name")}>
          {detail.data?.name ?? grid.name}
        </Descriptions.Item>
        <Descriptions.Item label={t("regions.detail.code")}>
          <Typography.Text copyable data-testid="grid-code">
            {grid.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("regions.detail.community")}>
          {communityName ?? placeholder}
        </Descriptions.Item>
        <Descriptions.Item label={t("regions.detail.street")}>{streetName ?? placeholder}</Descriptions.Item>
        <Descriptions.Item label={t("regions.detail.partyBranch")}>
          {detail.data ? (detail.data.partyBranch ?? t("common.none")) : placeholder}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} className="grid-detail__section">
        {t("regions.detail.workers")}
      </Typography.Title>
      {detail.loading && <Skeleton active avatar paragraph={{ rows: 1 }} />}
      {detail.error && (
        <Alert
          type="error"
          showIcon
          title={t("error.loadFailed")}
          description={detail.error.message}
          action={
            <Button size="small" onClick={detail.reload}>
              {t("common.retry")}
            </Button>
          }
        />
      )}
      {detail.data &&
        (detail.data.workers.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("regions.detail.noWorkers")} />
        ) : (
          <List
            dataSource={detail.data.workers}
            renderItem={(worker) => (
              <List.Item>
                <List.Item.Meta
                  avatar={<Avatar icon={<UserOutlined />} className="grid-detail__avatar" />}
                  title={worker.displayName}
                  description={
                    <span title={t("regions.detail.phone")}>
                      <PhoneOutlined /> {worker.phone ?? t("common.none")}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        ))}
    </div>
  );
}

export function GridDetailDrawer({ grid, onClose }: { grid: GridSelection | null; onClose: () => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;

  return (
    <Drawer
      title={grid ? grid.name : t("regions.detail.title")}
      open={grid !== null}
      onClose={onClose}
      placement={isMobile ? "bottom" : "right"}
      size={isMobile ? "70vh" : 420}
      mask={isMobile}
      destroyOnHidden
    >
      {grid && <GridDetailBody key={grid.code} grid={grid} />}
    </Drawer>
  );
}
