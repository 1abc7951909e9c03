/**
 * The one error type. `code` is stable for clients; the message is looked up per request language
 * from `ERROR_MESSAGES`, so the domain never formats user-facing text itself.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    /** Extra machine-readable detail, e.g. which field failed. */
    readonly details?: unknown,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

export type Language = "zh-CN" | "en-US";

/** Every error code, with its zh-CN and en-US message; `{name}` placeholders come from params. */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { status: 400, "zh-CN": "输入有误：{detail}", "en-US": "Invalid input: {detail}" },
  WEAK_PASSWORD: {
    status: 400,
    "zh-CN":
      "密码太容易被猜到（常见密码、键盘顺序、日期，或含用户名、姓名、“民呼我行”等字样），请换一个更长、无规律的密码",
    "en-US":
      "This password is too easy to guess (a common password, a keyboard pattern, a date, or built from the username, the name or “Minhu”); choose a longer, less predictable one",
  },
  UNAUTHENTICATED: { status: 401, "zh-CN": "请先登录", "en-US": "Please sign in first" },
  INVALID_CREDENTIALS: { status: 401, "zh-CN": "用户名或密码错误", "en-US": "Wrong username or password" },
  INVALID_CODE: {
    status: 401,
    "zh-CN": "验证码错误、已过期或已使用",
    "en-US": "The code is wrong, expired or already used",
  },
  FORBIDDEN: { status: 403, "zh-CN": "您的角色无权执行此操作", "en-US": "Your role may not do this" },
  OUTSIDE_SCOPE: {
    status: 403,
    "zh-CN": "超出您的辖区或单位范围",
    "en-US": "Outside your jurisdiction or unit",
  },
  NOT_FOUND: { status: 404, "zh-CN": "未找到{what}", "en-US": "{what} not found" },
  OUTSIDE_JURISDICTION: {
    status: 404,
    "zh-CN": "该位置不在本区辖区内",
    "en-US": "This location is outside the district",
  },
  ILLEGAL_TRANSITION: {
    status: 409,
    "zh-CN": "工单当前状态（{state}）不允许执行“{action}”",
    "en-US": "Action “{action}” is not allowed while the order is {state}",
  },
  ILLEGAL_PROJECT_STEP: {
    status: 409,
    "zh-CN": "共建项目当前状态（{state}）不允许执行“{action}”",
    "en-US": "Step “{action}” is not allowed while the joint project is {state}",
  },
  ILLEGAL_APPLICATION_STEP: {
    status: 409,
    "zh-CN": "办件当前状态（{state}）不允许执行“{action}”",
    "en-US": "Step “{action}” is not allowed while the application is {state}",
  },
  NOT_SOLVABLE_ON_SPOT: {
    status: 422,
    "zh-CN": "“{category}”按派单目录由{holder}处置，网格员不能就地办结；请关闭“就地办结”后提交上报",
    "en-US":
      "“{category}” is handled by {holder} under the dispatch catalogue, so a grid worker may not solve it on the spot; turn off on-the-spot solving and submit it as a report",
  },
  STALE_VERSION: {
    status: 409,
    "zh-CN": "工单已被他人修改，请刷新后重试",
    "en-US": "The order was changed by someone else; reload and retry",
  },
  CONFLICT: { status: 409, "zh-CN": "冲突：{detail}", "en-US": "Conflict: {detail}" },
  IDEMPOTENCY_MISMATCH: {
    status: 422,
    "zh-CN": "同一幂等键已用于不同的提交内容",
    "en-US": "This Idempotency-Key was already used for a different request",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    "zh-CN": "文件过大（上限 {limit}）",
    "en-US": "File too large (limit {limit})",
  },
  UNSUPPORTED_FILE: {
    status: 415,
    "zh-CN": "不支持的文件类型：{type}",
    "en-US": "Unsupported file type: {type}",
  },
  RATE_LIMITED: {
    status: 429,
    "zh-CN": "请求过于频繁，请 {retryAfter} 秒后再试",
    "en-US": "Too many requests; try again in {retryAfter} s",
  },
  SIGNATURE_INVALID: {
    status: 401,
    "zh-CN": "签名无效：{reason}",
    "en-US": "Invalid signature: {reason}",
  },
  API_KEY_INVALID: {
    status: 403,
    "zh-CN": "API 密钥缺失、无效或已停用",
    "en-US": "The API key is missing, invalid or revoked",
  },
  INTERNAL: { status: 500, "zh-CN": "服务器内部错误", "en-US": "Internal server error" },
} as const satisfies Record<string, { status: number; "zh-CN": string; "en-US": string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Builds an AppError with the status registered for its code. */
export function fail(
  code: ErrorCode,
  params: Record<string, string | number> = {},
  details?: unknown,
): AppError {
  return new AppError(code, ERROR_MESSAGES[code].status, params, details);
}

/** The message for an error in a language, placeholders filled. */
export function errorMessage(error: AppError, language: Language): string {
  const template: string = ERROR_MESSAGES[error.code][language];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(error.params[name] ?? ""));
}

/** zh-CN unless the request prefers English. */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return "zh-CN";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en-US" : "zh-CN";
}
