import { lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router-dom";
import { RequireAuth } from "./auth/RequireAuth";
import { AppShell } from "./components/AppShell";
import { PageLoading } from "./components/PageLoading";
import { NotFoundPage, RoleGate, RouteErrorPage } from "./components/RouteErrors";

const LoginPage = lazy(() => import("./pages/login/LoginPage"));
const HomePage = lazy(() => import("./pages/home/HomePage"));
const RegionsPage = lazy(() => import("./pages/regions/RegionsPage"));

export const router = createBrowserRouter([
  {
    path: "/login",
    errorElement: <RouteErrorPage />,
    element: (
      <Suspense fallback={<PageLoading fullscreen />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: "regions",
            element: (
              <RoleGate path="/regions">
                <RegionsPage />
              </RoleGate>
            ),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
