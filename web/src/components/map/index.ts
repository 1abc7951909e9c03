/**
 * The app's maps. Every one is made by `useLeafletMap` (the Leaflet set-up and the optional tile
 * layer) and draws its grids with `gridLayer`:
 * - `MapView`      grid polygons, an outline, order markers, a picked point (WGS-84)
 * - `GridHeatMap`  the grids as a choropleth (command centre, dashboard)
 * - `PointPicker`  tap the map or use the device position; shows the located grid/community/street
 * - `locateDevice` WeChat JS-SDK (GCJ-02) or browser geolocation (WGS-84); `gcj02ToWgs84` for drawing
 * - `DISTRICT_OUTLINE` the district boundary for users who may not read the grid polygons
 */
export { gcj02ToWgs84 } from "./coordinates";
export { DistrictPointPicker } from "./DistrictPointPicker";
export { DISTRICT_OUTLINE } from "./districtOutline";
export { type LatLng, type MapMarker, MapView, type MapViewProps } from "./MapView";
export { displayPoint, locateDevice, type PickedPoint, PointPicker } from "./PointPicker";
