import { Alert, Button, Card, Spin, Tag, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import type { GridProperties, RegionSummary } from "../../api/types";
import { streetSwatches } from "../../components/map/streetColors";
import { useGridData } from "../../hooks/useGridData";
import { useT } from "../../i18n/context";
import { GridDetailDrawer, type GridSelection } from "./GridDetailDrawer";
import { GridMap } from "./GridMap";
import { MapLegend } from "./MapLegend";
import { RegionTree } from "./RegionTree";

export default function RegionsPage() {
  const t = useT();
  const grids = useGridData();
  const [drawnCount, setDrawnCount] = useState<number | null>(null);
  const [focusCode, setFocusCode] = useState<string | null>(null);
  const [selectedGrid, setSelectedGrid] = useState<GridSelection | null>(null);

  const features = grids.data?.collection.features;
  const streets = useMemo(() => streetSwatches(features ?? []), [features]);
  const colorByStreet = useMemo(
    () => new Map(streets.map((street) => [street.code, street.color])),
    [streets],
  );
  const propertiesByCode = useMemo(
    () => new Map((features ?? []).map((feature) => [feature.properties.code, feature.properties])),
    [features],
  );

  const selectGridOnMap = useCallback((properties: GridProperties) => {
    setSelectedGrid({ code: properties.code, name: properties.name, properties });
  }, []);

  const selectInTree = (region: RegionSummary) => {
    if (region.level === "grid") {
      setSelectedGrid({
        code: region.code,
        name: region.name,
        properties: propertiesByCode.get(region.code),
      });
      setFocusCode(region.code);
      return;
    }
    setSelectedGrid(null);
    setFocusCode(region.code);
  };

  const focusStreet = (code: string | null) => {
    setSelectedGrid(null);
    setFocusCode(code);
  };

  return (
    <div className="page regions-page">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("regions.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("regions.subtitle")}</Typography.Text>
        </div>
        {drawnCount !== null && (
          <Tag color="blue" className="regions-page__count" data-testid="grid-count">
            {t("regions.gridCount", { count: drawnCount })}
          </Tag>
        )}
      </div>

      <div className="regions-page__body">
        <Card title={t("regions.tree")} size="small" className="regions-page__tree">
          <RegionTree selectedCode={selectedGrid?.code ?? focusCode} onSelect={selectInTree} />
        </Card>

        <Card
          size="small"
          className="regions-page__map"
          styles={{ body: { padding: 0, position: "relative" } }}
        >
          {grids.error ? (
            <Alert
              type="error"
              showIcon
              className="regions-page__map-error"
              title={t("error.loadFailed")}
              description={grids.error.message}
              action={
                <Button size="small" onClick={grids.reload}>
                  {t("common.retry")}
                </Button>
              }
            />
          ) : (
            <>
              <div className="regions-page__map-frame">
                {grids.data && (
                  <GridMap
                    grids={grids.data}
                    colorByStreet={colorByStreet}
                    selectedCode={selectedGrid?.code ?? null}
                    focusCode={focusCode}
                    onSelectGrid={selectGridOnMap}
                    onRendered={setDrawnCount}
                  />
                )}
                {drawnCount === null && (
                  <div className="regions-page__map-loading">
                    <Spin size="large" />
                    <span className="muted">{t("regions.mapLoading")}</span>
                  </div>
                )}
              </div>
              {streets.length > 0 && (
                <MapLegend
                  streets={streets}
                  activeCode={streets.some((street) => street.code === focusCode) ? focusCode : null}
                  onFocusStreet={focusStreet}
                />
              )}
            </>
          )}
        </Card>
      </div>

      <GridDetailDrawer grid={selectedGrid} onClose={() => setSelectedGrid(null)} />
    </div>
  );
}
