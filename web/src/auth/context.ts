import { createContext, useContext } from "react";
import type { ApiBody, Me } from "../api/types";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; expired: boolean }
  | { status: "authenticated"; me: Me }
  | { status: "error"; error: Error };

export interface AuthValue {
  session: SessionState;
  login: (username: string, password: string) => Promise<Me>;
  /** 手机号登录: a resident signs in (or up) with the code sent to their phone. */
  loginWithPhone: (body: ApiBody<"/api/auth/phone/sign-in">) => Promise<Me>;
  logout: () => Promise<void>;
  reload: () => void;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}

/** The signed-in user; only call below <RequireAuth>. */
export function useMe(): Me {
  const { session } = useAuth();
  if (session.status !== "authenticated") throw new Error("useMe needs an authenticated session");
  return session.me;
}
