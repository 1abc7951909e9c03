import { Link, useLocation } from "react-router-dom";
import { usePlainT as useT } from "../../components/elderly";
import { useT as useLabel } from "../../i18n/context";

const PAGES = [
  { path: "/public/projects", key: "public.nav.projects" },
  { path: "/public/map", key: "public.nav.map" },
  { path: "/public/topics", key: "public.nav.topics" },
  { path: "/public/rates", key: "public.nav.rates" },
] as const;

/**
 * Between the district's public pages: key projects, the demand map, 每月一题 and the 三率. Links in
 * a two-by-two grid rather than a segmented control: four labels (longer in 长辈模式 and in English)
 * do not fit one row at 375 px, and they are places to go, not a setting.
 */
export function PublicNav() {
  const t = useT();
  const label = useLabel();
  const { pathname } = useLocation();
  return (
    <nav className="public-nav" aria-label={label("public.nav.label")}>
      {PAGES.map((page) => {
        const current = pathname.startsWith(page.path);
        return (
          <Link
            key={page.path}
            to={page.path}
            className="public-nav__item"
            aria-current={current ? "page" : undefined}
          >
            {t(page.key)}
          </Link>
        );
      })}
    </nav>
  );
}
