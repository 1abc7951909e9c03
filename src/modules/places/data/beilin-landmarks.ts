import type { LandmarkCategory } from "../types.js";

/**
 * 碑林区地标 Schools, hospitals, markets, stations, parks and other places callers name, at
 * approximate GCJ-02 positions. Demo data: positions are good to a block, not to a door.
 */
export interface LandmarkSource {
  name: string;
  aliases?: string[];
  category: LandmarkCategory;
  at: [number, number];
  /** Metres it reaches from its point, when the default for its kind is wrong. */
  extent?: number;
}

export const BEILIN_LANDMARKS: LandmarkSource[] = [
  // Sights and public spaces (名胜、广场、公园)
  { name: "钟楼", aliases: ["西安钟楼", "钟楼盘道"], category: "sight", at: [108.9478, 34.259] },
  { name: "永宁门", aliases: ["南门", "南城门"], category: "sight", at: [108.9478, 34.2508] },
  { name: "碑林博物馆", aliases: ["西安碑林博物馆", "碑林"], category: "sight", at: [108.9553, 34.2532] },
  { name: "书院门文化街", aliases: ["书院门步行街"], category: "sight", at: [108.9505, 34.253] },
  { name: "湘子庙", category: "sight", at: [108.9438, 34.2547] },
  { name: "关中书院", category: "sight", at: [108.9522, 34.2533] },
  { name: "卧龙禅寺", aliases: ["卧龙寺"], category: "sight", at: [108.956, 34.2545] },
  { name: "八仙宫", aliases: ["八仙庵"], category: "sight", at: [108.98, 34.2648] },
  { name: "朱雀门", category: "sight", at: [108.9405, 34.2505] },
  { name: "含光门", category: "sight", at: [108.9345, 34.2505] },
  { name: "和平门", category: "sight", at: [108.9586, 34.2508] },
  { name: "建国门", category: "sight", at: [108.9656, 34.2508] },
  { name: "兴庆宫公园", aliases: ["兴庆公园"], category: "park", at: [108.988, 34.256] },
  { name: "环城公园南门段", aliases: ["环城公园", "南门广场"], category: "park", at: [108.95, 34.25] },
  { name: "陕西省体育场", aliases: ["省体育场", "体育场"], category: "sport", at: [108.949, 34.2378] },
  // Schools and universities (学校)
  {
    name: "西安交通大学兴庆校区",
    aliases: ["交大", "西安交大", "交通大学"],
    category: "school",
    at: [108.985, 34.2472],
  },
  {
    name: "西北工业大学友谊校区",
    aliases: ["西工大", "西北工业大学"],
    category: "school",
    at: [108.9165, 34.246],
  },
  { name: "西北大学太白校区", aliases: ["西北大学", "西大"], category: "school", at: [108.9225, 34.2472] },
  { name: "西安建筑科技大学", aliases: ["建大", "建筑科技大学"], category: "school", at: [108.966, 34.2415] },
  {
    name: "西安理工大学金花校区",
    aliases: ["理工大", "西安理工大学"],
    category: "school",
    at: [108.995, 34.2478],
  },
  { name: "西安体育学院", aliases: ["西体"], category: "school", at: [108.9345, 34.24] },
  { name: "西安市铁一中学", aliases: ["铁一中"], category: "school", at: [108.9575, 34.244] },
  { name: "西北工业大学附属中学", aliases: ["西工大附中"], category: "school", at: [108.9195, 34.244] },
  { name: "西安交通大学附属中学", aliases: ["交大附中"], category: "school", at: [108.9815, 34.2505] },
  { name: "东关南街小学", category: "school", at: [108.9795, 34.2592] },
  { name: "南院门小学", category: "school", at: [108.9452, 34.2566] },
  { name: "柏树林小学", category: "school", at: [108.954, 34.2575] },
  { name: "建国路小学", category: "school", at: [108.965, 34.2555] },
  { name: "太乙路小学", category: "school", at: [108.975, 34.242] },
  { name: "文艺路小学", category: "school", at: [108.961, 34.2465] },
  { name: "张家村小学", category: "school", at: [108.928, 34.2385] },
  // Hospitals (医院)
  {
    name: "陕西省人民医院",
    aliases: ["省医院", "省人民医院"],
    category: "hospital",
    at: [108.9295, 34.2443],
  },
  { name: "西安市红会医院", aliases: ["红会医院"], category: "hospital", at: [108.9648, 34.244] },
  {
    name: "西安交通大学第一附属医院东院",
    aliases: ["交大一附院东院"],
    category: "hospital",
    at: [108.983, 34.251],
  },
  { name: "碑林区人民医院", aliases: ["区医院"], category: "hospital", at: [108.976, 34.26] },
  { name: "南院门社区卫生服务中心", category: "hospital", at: [108.943, 34.256] },
  { name: "文艺路社区卫生服务中心", category: "hospital", at: [108.962, 34.2455] },
  // Markets and shops (市场、商场)
  { name: "骡马市步行街", aliases: ["骡马市"], category: "market", at: [108.9512, 34.258] },
  { name: "东关南街农贸市场", aliases: ["东关菜市场"], category: "market", at: [108.9788, 34.257] },
  { name: "建东街农贸市场", aliases: ["建东街菜市场"], category: "market", at: [108.97, 34.2398] },
  { name: "文艺路演出服装市场", aliases: ["文艺路市场"], category: "market", at: [108.9613, 34.248] },
  { name: "李家村万达广场", aliases: ["李家村万达", "万达广场"], category: "market", at: [108.96, 34.2452] },
  { name: "南稍门十字", aliases: ["南稍门"], category: "crossing", at: [108.9478, 34.2447] },
  { name: "大差市十字", aliases: ["大差市"], category: "crossing", at: [108.9586, 34.2594] },
  { name: "文艺路十字", category: "crossing", at: [108.9615, 34.2447] },
  { name: "东关正街十字", aliases: ["东关十字"], category: "crossing", at: [108.979, 34.2622] },
  // Metro stations (地铁站)
  { name: "钟楼站", aliases: ["地铁钟楼站"], category: "station", at: [108.948, 34.2588] },
  { name: "永宁门站", aliases: ["地铁永宁门站"], category: "station", at: [108.9478, 34.2492] },
  { name: "南稍门站", aliases: ["地铁南稍门站"], category: "station", at: [108.9478, 34.244] },
  { name: "体育场站", aliases: ["地铁体育场站"], category: "station", at: [108.9478, 34.2385] },
  { name: "大差市站", aliases: ["地铁大差市站"], category: "station", at: [108.959, 34.259] },
  { name: "和平门站", aliases: ["地铁和平门站"], category: "station", at: [108.9586, 34.25] },
  { name: "李家村站", aliases: ["地铁李家村站"], category: "station", at: [108.959, 34.244] },
  { name: "建筑科技大学·李家村站", aliases: ["建科大站"], category: "station", at: [108.964, 34.244] },
  // Government and public offices (机关)
  {
    name: "碑林区人民政府",
    aliases: ["区政府", "碑林区政府"],
    category: "government",
    at: [108.952, 34.2558],
  },
  { name: "碑林区政务服务中心", aliases: ["区政务大厅"], category: "government", at: [108.977, 34.2435] },
  { name: "南院门派出所", category: "government", at: [108.944, 34.2575] },
  { name: "文艺路派出所", category: "government", at: [108.9625, 34.244] },
];
