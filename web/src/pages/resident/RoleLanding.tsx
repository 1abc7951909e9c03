import type { ReactNode } from "react";
import { Navigate } from "react-router-dom";
import { useMe } from "../../auth/context";

/** Where each role lands: residents and grid workers on their mobile home, everyone else on `children`. */
export function RoleLanding({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.role === "resident") return <Navigate to="/resident" replace />;
  if (me.role === "grid_worker") return <Navigate to="/grid" replace />;
  return children;
}
