import type { StreetSwatch } from "../../components/map/streetColors";
import { useT } from "../../i18n/context";

interface MapLegendProps {
  streets: StreetSwatch[];
  activeCode: string | null;
  onFocusStreet: (code: string | null) => void;
}

export function MapLegend({ streets, activeCode, onFocusStreet }: MapLegendProps) {
  const t = useT();
  return (
    <section className="map-legend" aria-label={t("regions.legend")}>
      <div className="map-legend__title">{t("regions.legend")}</div>
      <ul>
        {streets.map((street) => (
          <li key={street.code}>
            <button
              type="button"
              className={`map-legend__item${activeCode === street.code ? " map-legend__item--active" : ""}`}
              onClick={() => onFocusStreet(street.code)}
            >
              <span className="map-legend__swatch" style={{ background: street.color }} />
              {street.name}
            </button>
          </li>
        ))}
      </ul>
      {activeCode && (
        <button type="button" className="map-legend__reset" onClick={() => onFocusStreet(null)}>
          {t("regions.showAll")}
        </button>
      )}
    </section>
  );
}
