/**
 * Strings of 适老化 (age-friendly) mode: the switch, the hotline button, the one-question-a-screen
 * report wizard, and plainer wording (`plain.<key>`) that replaces a normal text while the mode is on.
 */
export const zhCN = {
  "elderly.switch": "长辈模式",
  "elderly.hotline": "打电话 12345",
  "elderly.hotlineHint": "不会操作？直接打电话，有人帮您办",

  "elderly.wizard.step": "第 {current} 步，共 {total} 步",
  "elderly.wizard.what": "遇到了什么事？",
  "elderly.wizard.whatHint": "用几句话说说就行，比如：楼下路灯坏了，晚上看不见路",
  "elderly.wizard.where": "在什么地方？",
  "elderly.wizard.whereHint": "点「使用我的位置」，或者在地图上点一下出事的地方",
  "elderly.wizard.addressHint": "也可以写上门牌号、楼号（可不写）",
  "elderly.wizard.photo": "拍张照片（可以不拍）",
  "elderly.wizard.photoHint": "有照片办得更快；没有也没关系，直接点「下一步」",
  "elderly.wizard.contact": "怎么联系您？",
  "elderly.wizard.contactHint": "不填就打您登录用的手机号",
  "elderly.wizard.phone": "联系电话（可不填）",
  "elderly.wizard.confirm": "看一看，没问题就提交",
  "elderly.wizard.placeChosen": "已选好地点",
  "elderly.wizard.photoCount": "{count} 张照片",
  "elderly.wizard.noPhoto": "没有照片",
  "elderly.wizard.accountPhone": "登录用的手机号",
  "elderly.wizard.next": "下一步",
  "elderly.wizard.back": "上一步",
  "elderly.wizard.submit": "提交",

  "plain.resident.home.slogan": "有事就说，我们帮您办",
  "plain.resident.home.privacy": "您的电话只用来办事和回访，不会告诉别人",
  "plain.resident.submit.doneHint": "请记下下面的编号和查询码，以后用它们查办到哪一步了",
  "plain.resident.track.code": "查询码（回执上的10位码）",
  "plain.services.catalogue.hint": "先选您住的社区，再点要办的事",
  "plain.public.projects.title": "政府在办的大事",
} as const;

export const enUS: Record<keyof typeof zhCN, string> = {
  "elderly.switch": "Elderly mode",
  "elderly.hotline": "Call 12345",
  "elderly.hotlineHint": "Not sure how? Call us and someone will do it for you",

  "elderly.wizard.step": "Step {current} of {total}",
  "elderly.wizard.what": "What happened?",
  "elderly.wizard.whatHint": "A few words are enough, e.g. the street light downstairs is broken",
  "elderly.wizard.where": "Where is it?",
  "elderly.wizard.whereHint": "Tap “Use my location”, or tap the place on the map",
  "elderly.wizard.addressHint": "You may add the house or building number (optional)",
  "elderly.wizard.photo": "Take a photo (optional)",
  "elderly.wizard.photoHint": "A photo helps, but you can skip it: just tap “Next”",
  "elderly.wizard.contact": "How can we reach you?",
  "elderly.wizard.contactHint": "Leave it empty and we will call the phone you signed in with",
  "elderly.wizard.phone": "Phone number (optional)",
  "elderly.wizard.confirm": "Check it, then send",
  "elderly.wizard.placeChosen": "Place chosen",
  "elderly.wizard.photoCount": "{count} photo(s)",
  "elderly.wizard.noPhoto": "No photo",
  "elderly.wizard.accountPhone": "The phone you signed in with",
  "elderly.wizard.next": "Next",
  "elderly.wizard.back": "Back",
  "elderly.wizard.submit": "Send",

  "plain.resident.home.slogan": "Tell us what is wrong and we will sort it out",
  "plain.resident.home.privacy": "We use your phone number only to help you and call you back",
  "plain.resident.submit.doneHint":
    "Write down the number and code below: they let you check how it is going",
  "plain.resident.track.code": "Tracking code (10 characters, on your receipt)",
  "plain.services.catalogue.hint": "First choose where you live, then what you need",
  "plain.public.projects.title": "Big projects the district is doing",
} as const;
