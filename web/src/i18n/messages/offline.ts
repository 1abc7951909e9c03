/** Strings of the grid worker's offline outbox (待发送). */
export const zhCN = {
  "offline.waiting": "待发送：{count} 条",
  "offline.waitingHint": "没有信号时先存在手机上，有信号后自动发送，不会重复发送。",
  "offline.refused": "{count} 条未被接受，请看原因后删除并重新填写",
  "offline.sendNow": "立即发送",
  "offline.discard": "删除",
  "offline.kind.demand": "上报",
  "offline.kind.diary": "民情日记",
  "offline.queued.title": "已存在手机上，待发送",
  "offline.queued.subtitle": "有信号后自动发送，工单号随后在首页可见；关掉应用也不会丢失。",
  "offline.diaryQueued": "没有信号：日记已存在手机上，待发送",
};

export const enUS: Record<keyof typeof zhCN, string> = {
  "offline.waiting": "Waiting to send: {count}",
  "offline.waitingHint":
    "Saved on this phone while there is no signal; sent automatically when it returns, never twice.",
  "offline.refused": "{count} not accepted: read why, discard and fill in again",
  "offline.sendNow": "Send now",
  "offline.discard": "Discard",
  "offline.kind.demand": "Report",
  "offline.kind.diary": "Diary entry",
  "offline.queued.title": "Saved on this phone, waiting to send",
  "offline.queued.subtitle":
    "It is sent as soon as there is signal and its order number then shows on your home page; closing the app does not lose it.",
  "offline.diaryQueued": "No signal: the entry is saved on this phone, waiting to send",
};
