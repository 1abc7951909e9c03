import { Alert } from "antd";

/** The server's answer to a failed save, shown above the form's buttons. */
export function ServerError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert type="error" showIcon title={error} className="admin-form__error" data-testid="server-error" />
  );
}
