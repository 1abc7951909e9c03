import { Alert, Button, Result } from "antd";
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

/** A list or panel that failed to load, shown in its place: the server's message and a retry. */
export function LoadErrorAlert({
  error,
  onRetry,
  className,
}: {
  error: Error;
  onRetry: () => void;
  className?: string;
}) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      className={className}
      title={t("error.loadFailed")}
      description={error.message}
      action={
        <Button size="small" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      }
    />
  );
}
