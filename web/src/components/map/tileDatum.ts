import gcoord from "gcoord";
import type * as L from "leaflet";

/**
 * GCJ-02 tiles (高德, 腾讯) under WGS-84 data: a tile draws a place at its GCJ-02 coordinates, some
 * 300–600 m from where our WGS-84 grids put it. Across a district the offset changes by less than
 * a metre, so the tile pane is moved by the offset at the view's centre, recomputed after every
 * move and zoom. Returns the function that undoes it.
 */
export function alignGcj02Tiles(map: L.Map): () => void {
  const pane = map.getPane("tilePane");
  const align = () => {
    if (!pane) return;
    const centre = map.getCenter();
    const [lng, lat] = gcoord.transform([centre.lng, centre.lat], gcoord.WGS84, gcoord.GCJ02);
    const here = map.latLngToLayerPoint(centre);
    const there = map.latLngToLayerPoint([lat, lng]);
    pane.style.transform = `translate(${here.x - there.x}px, ${here.y - there.y}px)`;
  };
  map.on("moveend zoomend viewreset", align);
  align();
  return () => {
    map.off("moveend zoomend viewreset", align);
    if (pane) pane.style.transform = "";
  };
}
