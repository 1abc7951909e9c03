import { useMemo } from "react";
import type { GridProperties } from "../../api/types";
import { type PickedPoint, PointPicker } from "../../components/map";
import { gridStyle } from "../../components/map/gridStyles";
import { streetSwatches } from "../../components/map/streetColors";
import type { Located } from "../../components/orders";
import { useGridData } from "../../hooks/useGridData";

/** The district's grids, tinted by street, to click the caller's place on. */
export function CallMap({
  value,
  onChange,
  onLocated,
}: {
  value: PickedPoint | null;
  onChange: (point: PickedPoint | null) => void;
  onLocated: (located: Located | null) => void;
}) {
  const grids = useGridData();
  const features = grids.data?.collection.features;
  const styleGrid = useMemo(() => {
    const colorByStreet = new Map(
      streetSwatches(features ?? []).map((street) => [street.code, street.color]),
    );
    return (grid: GridProperties) => ({
      ...gridStyle(colorByStreet.get(grid.streetCode), { hovered: false, selected: false }),
      fillOpacity: 0.3,
    });
  }, [features]);
  return (
    <PointPicker
      value={value}
      onChange={onChange}
      onLocated={onLocated}
      grids={features}
      styleGrid={styleGrid}
      receivedAt={grids.data?.receivedAt}
      className="operator-map"
    />
  );
}
