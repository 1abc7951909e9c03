import { Segmented } from "antd";
import { useLocation, useNavigate } from "react-router-dom";
import { usePlainT as useT } from "../../components/elderly";

/** Between the district's public pages: key projects and the demand map. */
export function PublicNav() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const value = pathname.startsWith("/public/map") ? "/public/map" : "/public/projects";
  return (
    <Segmented
      block
      value={value}
      onChange={(path) => navigate(String(path))}
      options={[
        { value: "/public/projects", label: t("public.nav.projects") },
        { value: "/public/map", label: t("public.nav.map") },
      ]}
      style={{ marginBottom: 12 }}
    />
  );
}
