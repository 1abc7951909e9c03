import { Flex, Spin } from "antd";

export function PageLoading({ tip, fullscreen = false }: { tip?: string; fullscreen?: boolean }) {
  return (
    <Flex align="center" justify="center" vertical gap={12} style={{ minHeight: fullscreen ? "100vh" : 320 }}>
      <Spin size="large" />
      {tip && <span className="muted">{tip}</span>}
    </Flex>
  );
}
