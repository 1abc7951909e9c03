import { useMemo } from "react";
import type { GridProperties } from "../../api/types";
import { useGridData } from "../../hooks/useGridData";
import type { Located } from "../orders";
import { gridStyle } from "./gridStyles";
import { type PickedPoint, PointPicker } from "./PointPicker";
import { streetSwatches } from "./streetColors";

/** The district's grids, tinted by street, to click a demand's place on (12345 and channel intake). */
export function DistrictPointPicker({
  value,
  onChange,
  onLocated,
  className,
}: {
  value: PickedPoint | null;
  onChange: (point: PickedPoint | null) => void;
  onLocated: (located: Located | null) => void;
  className?: string;
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
      className={className}
    />
  );
}
