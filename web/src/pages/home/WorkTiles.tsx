import { Card, Col, Row, Skeleton, Statistic } from "antd";
import { Link } from "react-router-dom";
import type { WorkTile } from "../../api/work";
import type { MessageKey } from "../../i18n/context";
import { useT } from "../../i18n/context";
import "../../ops.css";

/** Where a tile opens: its filtered order list, or the warnings (the command page for dispatchers). */
export function tileHref(tile: WorkTile, hasCommandPage: boolean): string {
  if (tile.kind === "warnings" && hasCommandPage) return "/command";
  return `/work/${tile.key}`;
}

/** The 工作台 counts: each tile a link to exactly the list it counts. */
export function WorkTiles({
  tiles,
  loading,
  hasCommandPage,
}: {
  tiles: readonly WorkTile[] | undefined;
  loading: boolean;
  hasCommandPage: boolean;
}) {
  const t = useT();
  if (loading && !tiles) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <Row gutter={[12, 12]} className="kpi-tiles" data-testid="work-tiles">
      {(tiles ?? []).map((tile) => (
        <Col key={tile.key} xs={12} md={8} xl={6}>
          <Link to={tileHref(tile, hasCommandPage)} data-work-tile={tile.key} data-count={tile.count}>
            <Card
              size="small"
              hoverable
              className={`kpi-tile kpi-tile--${tile.count > 0 ? tile.tone : "default"}`}
            >
              <Statistic title={t(`work.tile.${tile.key}` as MessageKey)} value={tile.count} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
