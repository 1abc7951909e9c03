import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, onUnauthenticated } from "../api/client";
import { api } from "../api/endpoints";
import type { ApiBody } from "../api/types";
import { AuthContext, type SessionState } from "./context";

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the session probe on reload().
  useEffect(() => {
    const controller = new AbortController();
    setSession({ status: "loading" });
    api.me(controller.signal).then(
      (me) => setSession({ status: "authenticated", me }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401)
          setSession({ status: "anonymous", expired: false });
        else
          setSession({ status: "error", error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(
    () =>
      onUnauthenticated(() =>
        setSession((current) =>
          current.status === "authenticated" ? { status: "anonymous", expired: true } : current,
        ),
      ),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const { user } = await api.login({ username, password });
    setSession({ status: "authenticated", me: user });
    return user;
  }, []);

  const loginWithPhone = useCallback(async (body: ApiBody<"/api/auth/phone/sign-in">) => {
    const { user } = await api.phoneSignIn(body);
    setSession({ status: "authenticated", me: user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setSession({ status: "anonymous", expired: false });
    }
  }, []);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);

  const value = useMemo(
    () => ({ session, login, loginWithPhone, logout, reload }),
    [session, login, loginWithPhone, logout, reload],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
