import { Button, Result } from "antd";
import { useT } from "../i18n/context";

interface ErrorStateProps {
  title: string;
  error: Error;
  onRetry?: () => void;
  fullscreen?: boolean;
}

/** A failed load: shows the server's (already localised) message and a retry button. */
export function ErrorState({ title, error, onRetry, fullscreen = false }: ErrorStateProps) {
  const t = useT();
  return (
    <Result
      status="error"
      title={title}
      subTitle={error.message}
      style={fullscreen ? { paddingTop: "20vh" } : undefined}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    />
  );
}
