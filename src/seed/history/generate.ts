/**
 * The demo history, built in memory from a seed: when each demand arrives, what it is about, through
 * which channel, and (demand.ts) who raised it where and how its handling went. The same world,
 * options and seed always give the same history.
 */
import { chooseRoute } from "../../modules/routing/catalogue.js";
import { daysInWindow, type HistoryWindow, incidentTimes, timeOn, yearOfDays } from "./arrivals.js";
import { type Arrival, buildDemand, type GeneratedOrder, MergeIndex } from "./demand.js";
import {
  CHANNEL_MIX,
  examplesByCategory,
  GRID_CHANNEL_MIX,
  monthlyCategoryMix,
  monthlyIncidentMix,
} from "./mix.js";
import { Callers } from "./people.js";
import { gridMix, type PlacedGrid, placeGrids } from "./places.js";
import { Random, Weighted } from "./random.js";
import type { World } from "./world.js";

export type { GeneratedOrder } from "./demand.js";

export interface HistoryOptions {
  /** Demands in a full year of history; a shorter window gets its share (by season and weekday). */
  ordersPerYear: number;
  window: HistoryWindow;
  /** The end of the story: steps after it have not happened yet. */
  now: Date;
  seed: number;
}

/** Bursts per thousand demands (about 1 % of demands come in bursts of 5–14). */
const BURSTS_PER_THOUSAND = 1.2;

/** The history of the window, orders in the order they were created. */
export function generateHistory(world: World, options: HistoryOptions): GeneratedOrder[] {
  const r = new Random(options.seed);
  const examples = examplesByCategory();
  const { mix, volume } = monthlyCategoryMix(examples);
  const { days, share } = daysInWindow(yearOfDays(world.calendar, options.now, volume), options.window);
  const total = days.length === 0 ? 0 : Math.round(options.ordersPerYear * share);
  const grids = placeGrids(world, r.fork("grids"));
  const gridDistribution = gridMix(grids);
  const dayDistribution = new Weighted(days.map((d) => [d.day, d.weight] as const));
  const arrivals =
    total === 0
      ? []
      : planArrivals(r.fork("arrivals"), world, options, total, dayDistribution, gridDistribution, {
          mix,
          incidents: monthlyIncidentMix(examples),
        });
  const context = {
    world,
    now: options.now,
    examples,
    grids: gridDistribution,
    callers: new Callers(r.fork("callers"), gridDistribution, options.ordersPerYear),
    merges: new MergeIndex(),
    r: r.fork("stories"),
  };
  const orders = arrivals.map((arrival, index) => buildDemand(context, arrival, index));
  for (const order of orders) order.timeline.settle();
  return orders;
}

function planArrivals(
  r: Random,
  world: World,
  options: HistoryOptions,
  total: number,
  days: Weighted<string>,
  grids: Weighted<PlacedGrid>,
  mixes: { mix: Weighted<string>[]; incidents: Weighted<string>[] },
): Arrival[] {
  const arrivals: Arrival[] = [];
  const bursts = Math.round((total / 1000) * BURSTS_PER_THOUSAND);
  for (let i = 0; i < bursts; i++)
    arrivals.push(...burst(r, r.draw(days), options.window, grids, mixes.incidents));
  while (arrivals.length < total) {
    const day = r.draw(days);
    const categoryCode = r.draw(mixes.mix[monthOf(day)]);
    const gridLevel = chooseRoute(world.catalogue, categoryCode, world.districtCode).handlingLevel === "grid";
    const channel = r.draw(gridLevel ? GRID_CHANNEL_MIX : CHANNEL_MIX);
    const office = channel !== "12345" && channel !== "online";
    arrivals.push({ at: timeOn(r, day, office, options.window), categoryCode, channel, burst: null });
  }
  // Stable: equal instants keep their planning order, so the history stays the same for a seed.
  return arrivals.slice(0, total).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A burst at one compound: one category, 5–14 calls within a day or two. */
function burst(
  r: Random,
  day: string,
  window: HistoryWindow,
  grids: Weighted<PlacedGrid>,
  incidents: Weighted<string>[],
): Arrival[] {
  const grid = r.draw(grids);
  const compound = r.pick(grid.compounds);
  const incident = {
    start: timeOn(r, day, false, window),
    categoryCode: r.draw(incidents[monthOf(day)]),
    size: r.int(5, 14),
    spreadHours: r.between(6, 48),
  };
  return incidentTimes(r, incident, window).map((at) => ({
    at,
    categoryCode: incident.categoryCode,
    channel: r.chance(0.75) ? "12345" : "online",
    burst: { grid, compound },
  }));
}

const monthOf = (day: string) => Number(day.slice(5, 7)) - 1;
