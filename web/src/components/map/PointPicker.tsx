import { AimOutlined, EnvironmentFilled, WarningOutlined } from "@ant-design/icons";
import { Button, Spin } from "antd";
import type { MultiPolygon, Polygon } from "geojson";
import { useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import type { GridFeature } from "../../api/types";
import { useT } from "../../i18n/context";
import { ordersApi } from "../orders/api";
import type { Crs, Located } from "../orders/types";
import { gcj02ToWgs84 } from "./coordinates";
import { DISTRICT_OUTLINE } from "./districtOutline";
import { type LatLng, MapView, type MapViewProps } from "./MapView";

/** A chosen place: the coordinates exactly as obtained and the system they are in (sent as-is). */
export interface PickedPoint {
  lng: number;
  lat: number;
  crs: Crs;
  source: "map" | "device" | "wechat" | "search";
}

interface WeChatLocation {
  latitude: number;
  longitude: number;
}
interface WeChatBridge {
  getLocation: (options: {
    type: "gcj02" | "wgs84";
    success: (result: WeChatLocation) => void;
    fail: (error: unknown) => void;
  }) => void;
}

/**
 * The device's position: inside WeChat (JS-SDK configured) a GCJ-02 point, as map SDKs give it;
 * elsewhere the browser's Geolocation API, which is WGS-84.
 */
export function locateDevice(): Promise<PickedPoint> {
  const wx = (window as unknown as { wx?: Partial<WeChatBridge> }).wx;
  if (wx?.getLocation) {
    const getLocation = wx.getLocation;
    return new Promise((resolve, reject) =>
      getLocation({
        type: "gcj02",
        success: (result) =>
          resolve({ lng: result.longitude, lat: result.latitude, crs: "gcj02", source: "wechat" }),
        fail: reject,
      }),
    );
  }
  if (!("geolocation" in navigator)) return Promise.reject(new Error("unsupported"));
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          lng: position.coords.longitude,
          lat: position.coords.latitude,
          crs: "wgs84",
          source: "device",
        }),
      reject,
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    ),
  );
}

/** The point in the map's WGS-84, for drawing. */
export function displayPoint(point: PickedPoint): LatLng {
  if (point.crs === "gcj02") {
    const [lng, lat] = gcj02ToWgs84(point.lng, point.lat);
    return { lng, lat };
  }
  return { lng: point.lng, lat: point.lat };
}

type LocateState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "located"; located: Located }
  | { status: "outside" }
  | { status: "error"; message: string };

interface PointPickerProps {
  value: PickedPoint | null;
  onChange: (point: PickedPoint | null) => void;
  /** The grid, community and street of the point (null while unknown or outside the district). */
  onLocated?: (located: Located | null) => void;
  /** Grid polygons to show (staff); without them the district outline is drawn (residents). */
  grids?: readonly GridFeature[];
  receivedAt?: number;
  /** Style of each grid (defaults to the map's calm blue). */
  styleGrid?: MapViewProps["styleGrid"];
  outline?: Polygon | MultiPolygon;
  className?: string;
}

/**
 * Pick a place: tap the map, or use the phone's position. Shows the grid · community · street the
 * point falls in (GET /api/locate, with the point's CRS), or that it is outside the district.
 */
export function PointPicker({
  value,
  onChange,
  onLocated,
  grids,
  receivedAt,
  styleGrid,
  outline,
  className,
}: PointPickerProps) {
  const t = useT();
  const [locate, setLocate] = useState<LocateState>({ status: "idle" });
  const [geoError, setGeoError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [focus, setFocus] = useState<(LatLng & { zoom?: number }) | null>(null);
  const shown = useMemo(() => (value ? displayPoint(value) : null), [value]);
  // A callback prop: a new identity on each render must not re-run the lookup.
  const onLocatedRef = useRef(onLocated);
  onLocatedRef.current = onLocated;

  useEffect(() => {
    const onLocated = onLocatedRef.current;
    if (!value) {
      setLocate({ status: "idle" });
      onLocated?.(null);
      return;
    }
    const controller = new AbortController();
    setLocate({ status: "loading" });
    ordersApi.locate({ lng: value.lng, lat: value.lat, crs: value.crs }, controller.signal).then(
      (located) => {
        setLocate({ status: "located", located });
        onLocated?.(located);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        onLocated?.(null);
        if (error instanceof ApiError && error.code === "OUTSIDE_JURISDICTION")
          setLocate({ status: "outside" });
        else setLocate({ status: "error", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [value]);

  // A point chosen by typing (the place search) is shown: the map pans to it.
  useEffect(() => {
    if (value?.source === "search") setFocus({ ...displayPoint(value), zoom: 17 });
  }, [value]);

  const locateMe = async () => {
    setGeoError(null);
    setLocating(true);
    try {
      const point = await locateDevice();
      onChange(point);
      setFocus({ ...displayPoint(point), zoom: 16 });
    } catch (error) {
      setGeoError(
        error instanceof Error && error.message === "unsupported"
          ? t("map.geoUnsupported")
          : t("map.geoDenied"),
      );
    } finally {
      setLocating(false);
    }
  };

  return (
    <div className={`point-picker${className ? ` ${className}` : ""}`} data-testid="point-picker">
      <MapView
        grids={grids}
        styleGrid={styleGrid}
        receivedAt={receivedAt}
        outline={grids && grids.length > 0 ? outline : (outline ?? DISTRICT_OUTLINE)}
        point={shown}
        focus={focus}
        onMapClick={(latlng) => onChange({ lng: latlng.lng, lat: latlng.lat, crs: "wgs84", source: "map" })}
        testId="picker-map"
        placeLabels
      >
        <div className="point-picker__tools">
          <Button
            icon={<AimOutlined />}
            loading={locating}
            onClick={locateMe}
            data-testid="locate-me"
            className="point-picker__locate"
          >
            {locating ? t("map.locating") : t("map.locateMe")}
          </Button>
        </div>
      </MapView>
      <div className="point-picker__status" data-testid="located-place" data-status={locate.status}>
        {locate.status === "idle" && <span className="muted">{geoError ?? t("map.pickHint")}</span>}
        {locate.status === "loading" && <Spin size="small" />}
        {locate.status === "located" && (
          <span>
            <EnvironmentFilled className="point-picker__icon" />{" "}
            {t("map.located", {
              street: locate.located.street.name,
              community: locate.located.community.name,
              grid: locate.located.grid.name,
            })}
          </span>
        )}
        {locate.status === "outside" && (
          <span className="point-picker__error">
            <WarningOutlined /> {t("map.outside")}
          </span>
        )}
        {locate.status === "error" && <span className="point-picker__error">{locate.message}</span>}
        {value && (
          <Button size="small" type="link" onClick={() => onChange(null)}>
            {t("map.clear")}
          </Button>
        )}
      </div>
    </div>
  );
}
