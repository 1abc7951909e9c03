import type { UnitCode } from "../categories/types.js";

/** 区级职能部门: the district departments orders are dispatched to, keyed by the catalogue's unit codes. */
export const DISTRICT_DEPARTMENTS: Readonly<Record<UnitCode, { name: string; nameEn: string }>> = {
  cgj: { name: "碑林区城市管理和综合执法局", nameEn: "Urban Management and Law Enforcement Bureau" },
  zjj: { name: "碑林区住房和城乡建设局", nameEn: "Housing and Urban-Rural Development Bureau" },
  szj: { name: "碑林区市政设施管理中心", nameEn: "Municipal Facilities Centre" },
  swj: { name: "碑林区水务局", nameEn: "Water Affairs Bureau" },
  gdj: { name: "国网碑林供电分公司", nameEn: "State Grid Beilin Power Supply" },
  rqj: { name: "西安秦华燃气碑林分公司", nameEn: "Qinhua Gas, Beilin Branch" },
  scjgj: { name: "碑林区市场监督管理局", nameEn: "Market Regulation Bureau" },
  rsj: { name: "碑林区人力资源和社会保障局", nameEn: "Human Resources and Social Security Bureau" },
  jyj: { name: "碑林区教育局", nameEn: "Education Bureau" },
  wjj: { name: "碑林区卫生健康局", nameEn: "Health Commission" },
  mzj: { name: "碑林区民政局", nameEn: "Civil Affairs Bureau" },
  gaj: { name: "西安市公安局碑林分局", nameEn: "Public Security Sub-bureau" },
  sfj: { name: "碑林区司法局", nameEn: "Justice Bureau" },
  hbj: { name: "西安市生态环境局碑林分局", nameEn: "Ecology and Environment Sub-bureau" },
  jtj: { name: "碑林区交通运输局（交警碑林大队）", nameEn: "Transport Bureau (Traffic Police)" },
  fgj: { name: "碑林区房屋管理局", nameEn: "Housing Management Bureau" },
  wlj: { name: "碑林区文化和旅游体育局", nameEn: "Culture, Tourism and Sports Bureau" },
};
