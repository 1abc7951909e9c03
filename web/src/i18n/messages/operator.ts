/** Strings of the 12345 operator's intake. */
export const zhCN = {
  "operator.menu.intake": "来电登记",
  "operator.title": "12345 来电登记",
  "operator.keys": "Tab 依次填写 · Alt+1/2/3 采纳分类建议 · Ctrl+Enter 提交 · Esc 清空",

  "operator.form.phone": "来电号码",
  "operator.form.phoneRequired": "请输入来电号码",
  "operator.form.name": "来电人姓名",
  "operator.form.workOrderNo": "12345 工单编号",
  "operator.form.workOrderNoRequired": "请输入 12345 工单编号",
  "operator.form.callAt": "来电时间",
  "operator.form.content": "诉求内容",
  "operator.form.placeRequired": "请选择所在区域，或在地图上点选位置",
  "operator.form.submit": "提交",
  "operator.form.clear": "清空",

  "operator.caller.title": "来电历史",
  "operator.caller.hint": "输入来电号码后显示该号码以往的诉求",
  "operator.caller.none": "该号码没有以往诉求",
  "operator.caller.count": "该号码以往诉求 {n} 件",
  "operator.caller.showAll": "展开全部 {n} 条",

  "operator.duplicates.none": "附近暂无相似诉求",
  "operator.merge.submitAndMerge": "提交并合并",
  "operator.merge.beforeDispatch": "派单前可合并到以下相似工单：",
  "operator.merge.done": "已合并到 {orderNo}",
  "operator.merge.into": "已合并到 {orderNo} 统一办理，来电人将单独收到答复和回访",

  "operator.routing.title": "流转建议",
  "operator.routing.needs": "填写内容并选择位置后显示",
  "operator.routing.afterSubmit": "提交后显示承办层级与单位",

  "operator.map.title": "地图定位",
  "operator.order.title": "工单详情",

  "operator.done.title": "登记成功",
  "operator.done.merged": "登记成功并已合并",
  "operator.done.readBack": "请向来电人复述工单编号：",
  "operator.done.trackingCode": "查询码（请一并告知来电人，凭工单编号和查询码即可查询进度）：",
  "operator.done.copy": "复制",
  "operator.done.copied": "已复制工单编号",
  "operator.done.state": "状态",
  "operator.done.next": "下一个来电",
  "operator.done.open": "查看工单",
} as const;

export const enUS: Record<keyof typeof zhCN, string> = {
  "operator.menu.intake": "Call intake",
  "operator.title": "12345 call intake",
  "operator.keys": "Tab through the fields · Alt+1/2/3 accept a category · Ctrl+Enter submits · Esc clears",

  "operator.form.phone": "Caller's phone",
  "operator.form.phoneRequired": "Please enter the caller's phone",
  "operator.form.name": "Caller's name",
  "operator.form.workOrderNo": "12345 work-order no.",
  "operator.form.workOrderNoRequired": "Please enter the 12345 work-order number",
  "operator.form.callAt": "Call time",
  "operator.form.content": "Demand",
  "operator.form.placeRequired": "Please pick the place, or tap it on the map",
  "operator.form.submit": "Submit",
  "operator.form.clear": "Clear",

  "operator.caller.title": "Caller history",
  "operator.caller.hint": "Earlier demands of the number appear once it is typed",
  "operator.caller.none": "No earlier demands from this number",
  "operator.caller.count": "{n} earlier demands from this number",
  "operator.caller.showAll": "Show all {n}",

  "operator.duplicates.none": "No similar demands nearby",
  "operator.merge.submitAndMerge": "Submit and merge",
  "operator.merge.beforeDispatch": "Before dispatch, this call can be merged into a similar order:",
  "operator.merge.done": "Merged into {orderNo}",
  "operator.merge.into":
    "Merged into {orderNo}, handled together; this caller still gets the reply and a return visit",

  "operator.routing.title": "Routing",
  "operator.routing.needs": "Shown once the demand and place are known",
  "operator.routing.afterSubmit": "The handling level and unit are shown after submitting",

  "operator.map.title": "Map",
  "operator.order.title": "Order",

  "operator.done.title": "Registered",
  "operator.done.merged": "Registered and merged",
  "operator.done.readBack": "Read the order number back to the caller:",
  "operator.done.trackingCode": "Tracking code (read it back: it tracks the demand without an account):",
  "operator.done.copy": "Copy",
  "operator.done.copied": "Order number copied",
  "operator.done.state": "State",
  "operator.done.next": "Next call",
  "operator.done.open": "Open order",
};
