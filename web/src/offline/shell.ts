import { useEffect } from "react";
import { useMe } from "../auth/context";

/** The pages the offline shell covers (each a service-worker scope): the grid pages and 民情日记. */
const SCOPES = ["/grid", "/fieldwork/diary"];
const WORKER = "/grid-sw.js";
const MANIFEST = "/grid.webmanifest";

let started = false;

/**
 * Makes the grid-worker pages (for the grid_worker role; 民情日记 is shared with staff, who keep the
 * plain page) an installable app that opens without signal: links the web app
 * manifest and registers public/grid-sw.js for the grid scopes only (staff pages stay uncontrolled),
 * then tells it which built files this page already loaded so they are kept too.
 */
export function useOfflineShell(): void {
  const { role } = useMe();
  useEffect(() => {
    if (role !== "grid_worker" || started || !("serviceWorker" in navigator)) return;
    started = true;
    if (!document.querySelector(`link[rel="manifest"]`)) {
      const link = document.createElement("link");
      link.rel = "manifest";
      link.href = MANIFEST;
      document.head.append(link);
    }
    for (const scope of SCOPES) {
      navigator.serviceWorker
        .register(WORKER, { scope })
        .then(keepLoadedFiles)
        .catch(() => undefined);
    }
  }, [role]);
}

async function keepLoadedFiles(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.active ?? (await activated(registration));
  if (!worker) return;
  const urls = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(`${location.origin}/assets/`));
  worker.postMessage({
    type: "keep",
    urls: [...new Set(urls), `${location.origin}/favicon.svg`, `${location.origin}${MANIFEST}`],
  });
}

function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorker | null> {
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve(worker);
      else if (worker.state === "redundant") resolve(null);
    });
  });
}
