import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import { AuthProvider } from "./auth/AuthProvider";
import { ElderlyProvider } from "./components/elderly";
import { I18nProvider } from "./i18n/I18nProvider";
import { router } from "./router";
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html lacks #root");

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <ElderlyProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </ElderlyProvider>
    </I18nProvider>
  </StrictMode>,
);
