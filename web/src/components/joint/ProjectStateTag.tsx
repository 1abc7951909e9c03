import { Tag } from "antd";
import type { ProjectState } from "../../api/joint";
import { useT } from "../../i18n/context";

const STATE_COLOURS: Record<ProjectState, string> = {
  set: "blue",
  advancing: "gold",
  solved: "green",
  shelved: "default",
};

/** 已立项 / 推进中 / 已解决 / 已搁置, coloured. */
export function ProjectStateTag({ state }: { state: ProjectState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOURS[state]} data-state={state}>
      {t(`joint.state.${state}`)}
    </Tag>
  );
}
