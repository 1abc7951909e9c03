/**
 * What a district's demands are about, and how they arrive: level-2 category shares of a central
 * urban district's 12345 year (物业, 供暖, 噪声, 停车 and 占道经营 lead), seasonal curves (heating from
 * mid-November to mid-March, school places in summer, wages before the Spring Festival), and the
 * channels, with 12345 carrying most.
 */
import type { Channel } from "../../modules/demands/channels.js";
import { loadExamples } from "../../modules/demands/classify/classifier.js";
import type { DemandType } from "../../modules/time-limits/rules.js";
import { Weighted } from "./random.js";

/** Relative yearly volume per level-2 category. */
const LEVEL2_WEIGHTS: Record<string, number> = {
  "0101": 30,
  "0102": 10,
  "0103": 18,
  "0104": 22,
  "0105": 6,
  "0106": 8,
  "0107": 70,
  "0201": 14,
  "0202": 30,
  "0203": 18,
  "0204": 40,
  "0205": 24,
  "0206": 18,
  "0207": 10,
  "0301": 45,
  "0302": 12,
  "0303": 3,
  "0304": 18,
  "0305": 12,
  "0401": 38,
  "0402": 10,
  "0403": 12,
  "0404": 8,
  "0405": 14,
  "0501": 30,
  "0502": 14,
  "0503": 22,
  "0504": 8,
  "0601": 14,
  "0602": 6,
  "0603": 8,
  "0604": 4,
  "0605": 4,
  "0701": 12,
  "0702": 5,
  "0703": 6,
  "0704": 4,
  "0801": 16,
  "0802": 8,
  "0803": 34,
  "0804": 8,
  "0805": 3,
  "0806": 4,
  "0901": 12,
  "0902": 14,
  "0903": 8,
  "0904": 5,
  "1001": 10,
  "1002": 10,
  "1003": 5,
  "1004": 3,
  "1005": 10,
  "1006": 3,
  "1101": 36,
  "1102": 20,
  "1103": 6,
  "1104": 26,
  "1105": 10,
  "1201": 16,
  "1202": 4,
  "1203": 5,
  "1204": 6,
  "9901": 10,
  "9902": 6,
};

/** Month-by-month factors (January first) for the categories that follow the seasons. */
const SEASONS: Record<string, number[]> = {
  "0204": [3.2, 2.6, 1.6, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4, 2.4, 3.4], // 供暖: the heating season
  "0201": [1.4, 1.3, 1.1, 0.9, 0.8, 0.7, 0.7, 0.7, 0.8, 1.0, 1.2, 1.4], // 燃气
  "0202": [0.9, 0.9, 0.9, 1.0, 1.1, 1.3, 1.4, 1.4, 1.1, 1.0, 0.9, 1.0], // 供水
  "0203": [1.0, 0.9, 0.9, 0.9, 1.0, 1.3, 1.6, 1.6, 1.1, 0.9, 0.9, 1.0], // 供电: summer load
  "0206": [0.5, 0.5, 0.7, 0.9, 1.2, 1.5, 2.2, 2.2, 1.6, 1.0, 0.6, 0.5], // 排水: the rainy season
  "0301": [0.8, 0.7, 0.9, 1.0, 1.2, 1.4, 1.4, 1.3, 1.1, 1.0, 0.9, 0.8], // 噪声: open windows
  "0302": [1.6, 1.4, 1.1, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.1, 1.4, 1.6], // 大气: winter smog
  "0305": [0.6, 0.6, 1.2, 1.5, 1.4, 1.3, 1.3, 1.2, 1.0, 0.9, 0.8, 0.6], // 园林: growing season
  "0501": [1.8, 1.5, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.3, 1.7], // 工资: before the Spring Festival
  "0601": [0.5, 0.6, 0.8, 1.0, 1.4, 2.2, 2.6, 2.2, 1.0, 0.6, 0.5, 0.5], // 入学: enrolment
  "0602": [1.3, 1.2, 0.9, 0.9, 0.9, 1.0, 1.5, 1.5, 1.0, 0.9, 0.9, 1.0], // 校外培训: holidays
  "0703": [0.3, 0.3, 0.5, 0.9, 1.4, 1.8, 2.0, 1.9, 1.4, 0.8, 0.4, 0.3], // 病媒: mosquitoes
  "0902": [1.3, 1.3, 1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.2, 1.4], // 消防: heaters
  "1101": [0.7, 0.7, 0.9, 1.0, 1.2, 1.4, 1.5, 1.4, 1.1, 1.0, 0.8, 0.7], // 占道: night markets
  "1105": [0.8, 0.8, 1.1, 1.3, 1.2, 1.1, 1.0, 1.0, 1.0, 1.0, 0.9, 0.8], // 犬只
};

/** Level-2 categories whose problems come in bursts at one place: a main bursts, a block loses heat. */
export const INCIDENT_CATEGORIES = ["0202", "0203", "0204", "0206", "0201", "0301"];

/** A text to start from: a labelled example of the classifier. */
export interface Example {
  text: string;
  categoryCode: string;
  type: DemandType;
  urgent: boolean;
}

/** The examples by level-3 category. */
export function examplesByCategory(): Map<string, Example[]> {
  const byCategory = new Map<string, Example[]>();
  for (const e of loadExamples()) {
    const list = byCategory.get(e.category) ?? [];
    list.push({ text: e.text, categoryCode: e.category, type: e.type, urgent: e.urgent });
    byCategory.set(e.category, list);
  }
  return byCategory;
}

/**
 * The weight of each level-3 category in a month (0 = January): its level-2 category's share times
 * its season, split over the level-3 categories by how many examples each has (a proxy for how often
 * residents raise them).
 */
export function categoryWeights(examples: Map<string, Example[]>, month: number): [string, number][] {
  const level2Examples = new Map<string, number>();
  for (const [code, list] of examples)
    level2Examples.set(code.slice(0, 4), (level2Examples.get(code.slice(0, 4)) ?? 0) + list.length);
  return [...examples].map(([code, list]) => {
    const level2 = code.slice(0, 4);
    const weight = (LEVEL2_WEIGHTS[level2] ?? 1) * (SEASONS[level2]?.[month] ?? 1);
    return [code, (weight * list.length) / (level2Examples.get(level2) ?? list.length)];
  });
}

/** The category distribution of each month, and each month's relative volume. */
export function monthlyCategoryMix(examples: Map<string, Example[]>): {
  mix: Weighted<string>[];
  volume: number[];
} {
  const months = Array.from({ length: 12 }, (_, month) => categoryWeights(examples, month));
  return {
    mix: months.map((entries) => new Weighted(entries)),
    volume: months.map((entries) => entries.reduce((s, [, w]) => s + w, 0)),
  };
}

/** The categories bursts come in, by month, weighted like ordinary demands. */
export function monthlyIncidentMix(examples: Map<string, Example[]>): Weighted<string>[] {
  return Array.from(
    { length: 12 },
    (_, month) =>
      new Weighted(
        categoryWeights(examples, month).filter(([code]) => INCIDENT_CATEGORIES.includes(code.slice(0, 4))),
      ),
  );
}

/** Channels of ordinary demands: 12345 heavy, online second, then the grid and the street's own ways. */
export const CHANNEL_MIX = new Weighted<Channel>([
  ["12345", 62],
  ["online", 20],
  ["grid_patrol", 4],
  ["household_visit", 2],
  ["grassroots_report", 3],
  ["window", 3],
  ["petition", 1.5],
  ["field_inspection", 2],
  ["deputy", 1],
  ["forum", 1],
  ["media", 0.5],
]);

/** Channels of grid-level matters (楼道堆物, 邻里漏水 …): mostly found by the grid worker on patrol. */
export const GRID_CHANNEL_MIX = new Weighted<Channel>([
  ["grid_patrol", 45],
  ["household_visit", 15],
  ["12345", 30],
  ["online", 10],
]);

/** Channels through which a caller with a phone speaks for themselves. */
export const CALLER_CHANNELS: readonly Channel[] = [
  "12345",
  "online",
  "household_visit",
  "window",
  "petition",
];
