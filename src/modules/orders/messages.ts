/**
 * Notes Minhu itself writes into an order's history. They are stored as a code with parameters (in the
 * event's data, as `message`) and rendered in the reader's language (web: `orders.message.<code>`),
 * never as a sentence fixed at writing time.
 */
export const MESSAGE_CODES = [
  "overdue_supervised", // 超期未办结，自动督办
  "deadline_yellow", // 办理时限已用去 75%
  "deadline_red", // 已超过办理时限
  "satisfied_visit_closed", // 回访满意，自动办结
  "merged_reply", // 并入的工单已答复
  "merged_close", // 并入的工单已办结
  "common_problem_filed", // 共性问题预警归入共性问题台账
] as const;
export type MessageCode = (typeof MESSAGE_CODES)[number];

export interface SystemMessage {
  code: MessageCode;
  params?: Record<string, string | number>;
}
