/** 碑林发布 beyond the key projects and the map: 每月一题 with what came of it, and the monthly 三率 by street. */
export const zhCN = {
  "public.nav.label": "碑林发布",
  "public.nav.topics": "每月一题",
  "public.nav.rates": "三率公示",
  "public.month": "{year}年{month}月",

  "public.topics.title": "碑林发布 · 每月一题",
  "public.topics.hint":
    "区里每月选定一个群众反映集中的问题，区级领导下沉联系社区推动解决；这里公开选题的由来和成效（只有统计数字）",
  "public.topics.empty": "暂无每月一题",
  "public.topics.origin":
    "来自共性问题预警：「{category}」，{area}，{days} 天内 {communities} 个社区反映 {count} 件",
  "public.topics.noOrigin": "由区里直接确定（未关联共性问题预警）",
  "public.topics.work": "社区工作日",
  "public.topics.workDays": "领导下沉社区 {days} 次（{leaders} 位领导，{communities} 个社区）",
  "public.topics.households": "走访群众 {count} 户",
  "public.topics.cases": "协调急难问题 {count} 件，解决问题 {solved} 件",
  "public.topics.raised": "现场提出诉求 {count} 件，已办结 {closed} 件",
  "public.topics.noWork": "还没有社区工作日记录",
  "public.topics.demands": "该问题的诉求（同一区域）",
  "public.topics.phase.before": "选题前一月",
  "public.topics.phase.during": "选题当月",
  "public.topics.phase.after": "选题后一月",
  "public.topics.col.month": "月份",
  "public.topics.col.phase": "阶段",
  "public.topics.col.registered": "收到",
  "public.topics.col.closed": "已办结",

  "public.rates.title": "碑林发布 · 三率公示",
  "public.rates.hint": "各街道每月的响应率、解决率、满意率，只统计已结束的月份；计算方法与区督查考核相同",
  "public.rates.month": "月份",
  "public.rates.street": "街道",
  "public.rates.response": "响应率",
  "public.rates.resolution": "解决率",
  "public.rates.satisfaction": "满意率",
  "public.rates.dispatched": "派单量",
  "public.rates.rated": "回访数",
  "public.rates.formula":
    "响应率 = 按时签收的工单 ÷ 派单量；解决率 = (解决 + 部分解决 × {partial}) ÷ 回访数；满意率 = (满意 + 基本满意 × {basic}) ÷ 回访数。“—”表示当月没有可统计的工单。",
  "public.rates.none": "—",
} as const;

export const enUS: Record<keyof typeof zhCN, string> = {
  "public.nav.label": "Beilin publishes",
  "public.nav.topics": "Topic of the month",
  "public.nav.rates": "Monthly rates",
  "public.month": "{month}/{year}",

  "public.topics.title": "Beilin publishes · topic of the month",
  "public.topics.hint":
    "Each month the district picks one problem many residents raise, and its leaders work on it in the communities they are linked to; here is why each topic was chosen and what came of it (counts only)",
  "public.topics.empty": "No topic of the month yet",
  "public.topics.origin":
    "From a common-problem warning: “{category}”, {area}, {count} demands in {communities} communities within {days} days",
  "public.topics.noOrigin": "Set by the district (not from a common-problem warning)",
  "public.topics.work": "Community work days",
  "public.topics.workDays": "{days} days in the communities ({leaders} leaders, {communities} communities)",
  "public.topics.households": "{count} households met",
  "public.topics.cases": "{count} urgent cases coordinated, {solved} problems solved",
  "public.topics.raised": "{count} demands raised on the spot, {closed} closed",
  "public.topics.noWork": "No community work day recorded yet",
  "public.topics.demands": "Demands of this problem (same area)",
  "public.topics.phase.before": "Month before",
  "public.topics.phase.during": "Topic month",
  "public.topics.phase.after": "Month after",
  "public.topics.col.month": "Month",
  "public.topics.col.phase": "When",
  "public.topics.col.registered": "Received",
  "public.topics.col.closed": "Closed",

  "public.rates.title": "Beilin publishes · monthly rates",
  "public.rates.hint":
    "Each street's response, resolution and satisfaction rates by month, for ended months only, computed as the district's assessment computes them",
  "public.rates.month": "Month",
  "public.rates.street": "Street",
  "public.rates.response": "Response",
  "public.rates.resolution": "Resolution",
  "public.rates.satisfaction": "Satisfaction",
  "public.rates.dispatched": "Dispatched",
  "public.rates.rated": "Return visits",
  "public.rates.formula":
    "Response = orders signed in time ÷ orders dispatched; resolution = (solved + partly solved × {partial}) ÷ return visits; satisfaction = (satisfied + fairly satisfied × {basic}) ÷ return visits. “—” means nothing to count that month.",
  "public.rates.none": "—",
} as const;
