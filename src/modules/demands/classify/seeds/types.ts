/**
 * Hand-written snippets for one level-3 category, expanded by the generator with type frames and
 * places. Slots: {p} a street or landmark in 碑林区, {c} a compound, {b} a building, {d} a duration.
 */
export interface LeafSeed {
  /** Noun phrase the praise frames thank a department for, e.g. "加装电梯的事"; none: no praise. */
  topic?: string;
  /** Problems, framed as 投诉 or 求助. */
  issues: string[];
  /** Questions (without 请问), framed as 咨询. */
  asks?: string[];
  /** Wrongdoing, framed as 举报. */
  reports?: string[];
  /** Verb phrases, framed as 建议. */
  ideas?: string[];
  /** Emergencies: labelled urgent, framed as 求助. */
  urgent?: string[];
  /** The residents mostly ask for help rather than complain (救助, 讨薪...). */
  leansHelp?: boolean;
}

/** Seeds keyed by level-3 code. */
export type SeedTable = Readonly<Record<string, LeafSeed>>;
