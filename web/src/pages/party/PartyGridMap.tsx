import { Alert, Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import type { GridProperties } from "../../api/types";
import { MapView } from "../../components/map";
import type { useRegionNames } from "../../hooks/useRegionNames";
import { useT } from "../../i18n/context";
import type { Organisation } from "./api";

const WITH = "#c8102e";
const WITHOUT = "#b7c3d3";

/**
 * 网格党组织地图: each grid coloured by whether it has a 网格党支部/党小组; a click names the grid's
 * organisations and their secretaries. Drawn by the app's one grid map, without tiles when there are none.
 */
export function PartyGridMap(props: {
  organisations: readonly Organisation[];
  regions: ReturnType<typeof useRegionNames>;
}) {
  const t = useT();
  const { regions } = props;
  const [picked, setPicked] = useState<GridProperties | null>(null);
  const byGrid = useMemo(() => {
    const map = new Map<string, Organisation[]>();
    for (const o of props.organisations)
      if (o.active && (o.kind === "grid_branch" || o.kind === "grid_group"))
        map.set(o.regionCode, [...(map.get(o.regionCode) ?? []), o]);
    return map;
  }, [props.organisations]);
  const total = regions.features.length;
  const covered = regions.features.filter((f) => byGrid.has(f.properties.code)).length;
  const here = picked ? (byGrid.get(picked.code) ?? []) : [];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card size="small" title={t("party.map.count", { covered, total })}>
          {regions.grids.error && <Alert type="error" showIcon title={regions.grids.error.message} />}
          <MapView
            grids={regions.features}
            receivedAt={regions.grids.data?.receivedAt}
            styleGrid={(grid) => ({
              color: "#fff",
              weight: picked?.code === grid.code ? 3 : 1,
              fillColor: byGrid.has(grid.code) ? WITH : WITHOUT,
              fillOpacity: 0.55,
            })}
            onGridClick={setPicked}
            className="party-map"
            label={t("party.tab.map")}
            testId="party-grid-map"
          />
          <Space className="party-map__legend">
            <Tag color={WITH}>{t("party.map.withOrg")}</Tag>
            <Tag color={WITHOUT}>{t("party.map.withoutOrg")}</Tag>
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          size="small"
          title={picked ? regions.nameOf(picked.code) : t("party.tab.map")}
          data-testid="party-map-grid"
        >
          {!picked ? (
            <Empty description={t("party.pick")} />
          ) : here.length === 0 ? (
            <Typography.Text type="secondary">{t("party.map.none")}</Typography.Text>
          ) : (
            here.map((o) => (
              <Descriptions key={o.id} size="small" column={1} title={o.name}>
                <Descriptions.Item label={t("party.field.kind")}>
                  {t(`party.kind.${o.kind}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t("party.field.secretary")}>{o.secretary ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={t("party.field.members")}>{o.memberCount}</Descriptions.Item>
              </Descriptions>
            ))
          )}
        </Card>
      </Col>
    </Row>
  );
}
