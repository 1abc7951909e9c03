import { useT } from "../i18n/context";

interface BrandMarkProps {
  /** "logo" only, logo and "name", or the "full" mark with the tagline. */
  variant?: "logo" | "name" | "full";
  inverted?: boolean;
}

export function BrandMark({ variant = "full", inverted = false }: BrandMarkProps) {
  const t = useT();
  return (
    <div className={`brand${inverted ? " brand--inverted" : ""}`}>
      <img className="brand__logo" src="/favicon.svg" alt="" width={32} height={32} />
      {variant !== "logo" && (
        <div className="brand__text">
          <span className="brand__name">民呼我行</span>
          {variant === "full" && <span className="brand__tagline">{t("app.tagline")}</span>}
        </div>
      )}
    </div>
  );
}
