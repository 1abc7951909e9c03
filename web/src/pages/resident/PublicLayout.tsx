import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { BrandMark } from "../../components/BrandMark";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useT } from "../../i18n/context";
import "./resident.css";

/** The frame of the pages anyone may open without an account (rating link, tracking). */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="public-layout">
      <header className="public-layout__header">
        <Link to="/" className="public-layout__brand">
          <BrandMark variant="name" />
        </Link>
        <LanguageSwitch />
      </header>
      <main className="public-layout__main">{children}</main>
      <footer className="public-layout__footer">{t("app.footer")}</footer>
    </div>
  );
}
