/** 适老化 (age-friendly) mode of the resident and public pages. */
export { useElderly, usePlainT } from "./context";
export { ElderlyProvider, ElderlyScope, elderlyTheme } from "./ElderlyProvider";
export { ElderlySwitch } from "./ElderlySwitch";
export { HotlineButton } from "./HotlineButton";
