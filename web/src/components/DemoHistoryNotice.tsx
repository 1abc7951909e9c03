import { Alert } from "antd";
import { useEffect, useState } from "react";
import { api } from "../api/endpoints";
import type { Health } from "../api/types";
import { useT } from "../i18n/context";

/** How often the notice asks the server how far the demo year has come. */
const POLL_MS = 5000;

/**
 * While the demo year fills in the background after the first start, a notice with its progress:
 * the numbers on every page still grow. Asks /api/health until the fill is done (or there is none).
 */
export function DemoHistoryNotice() {
  const t = useT();
  const [fill, setFill] = useState<Health["demoHistory"]>();

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const health = await api.health(controller.signal).catch(() => null);
      setFill(health?.demoHistory);
      if (health?.demoHistory?.state === "filling") timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, []);

  if (!fill || fill.state === "done") return null;
  return (
    <Alert
      type={fill.state === "failed" ? "warning" : "info"}
      showIcon
      data-testid="demo-history-notice"
      style={{ marginBottom: 16 }}
      title={t(`app.demoHistory.${fill.state}`, { percent: fill.percent })}
    />
  );
}
