import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { BrandMark } from "../../components/BrandMark";
import { ElderlyScope, ElderlySwitch, HotlineButton } from "../../components/elderly";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useT } from "../../i18n/context";
import "./resident.css";

/** The frame of the pages anyone may open without an account (rating link, tracking). */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <ElderlyScope>
      <div className="public-layout">
        <header className="public-layout__header">
          <Link to="/" className="public-layout__brand">
            <BrandMark variant="name" />
          </Link>
          <div className="public-layout__actions">
            <ElderlySwitch />
            <LanguageSwitch />
          </div>
        </header>
        <main className="public-layout__main">
          <HotlineButton />
          {children}
        </main>
        <footer className="public-layout__footer">{t("app.footer")}</footer>
      </div>
    </ElderlyScope>
  );
}
