import { Card, Col, Row, Skeleton, Statistic } from "antd";
import type { ReactNode } from "react";
import type { MessageKey } from "../i18n/context";
import { useT } from "../i18n/context";

export interface KpiTile {
  key: string;
  label: MessageKey;
  value: number | null | undefined;
  suffix?: string;
  precision?: number;
  icon?: ReactNode;
  tone?: "default" | "warning" | "danger" | "success";
  hint?: string;
}

/** A row of KPI tiles; a tile whose value is still loading shows a skeleton. */
export function KpiTiles({ tiles, loading }: { tiles: readonly KpiTile[]; loading: boolean }) {
  const t = useT();
  return (
    <Row gutter={[12, 12]} className="kpi-tiles">
      {tiles.map((tile) => (
        <Col key={tile.key} xs={12} md={8} xl={Math.max(4, 24 / Math.min(tiles.length, 6))}>
          <Card size="small" className={`kpi-tile kpi-tile--${tile.tone ?? "default"}`} data-kpi={tile.key}>
            {loading && tile.value === undefined ? (
              <Skeleton active paragraph={false} title={{ width: "60%" }} />
            ) : (
              <Statistic
                title={
                  <span className="kpi-tile__title">
                    {tile.icon}
                    {t(tile.label)}
                  </span>
                }
                value={tile.value ?? "—"}
                suffix={tile.value === null || tile.value === undefined ? undefined : tile.suffix}
                precision={tile.precision}
              />
            )}
            {tile.hint && <div className="kpi-tile__hint muted">{tile.hint}</div>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
