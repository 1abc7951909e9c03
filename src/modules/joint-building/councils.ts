import type { Actor } from "../../platform/auth/permissions.js";
import { coversRegion } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { recordChange } from "../audit/repository.js";
import type { AuditActor } from "../audit/rules.js";
import type { AppContext } from "../context.js";
import {
  findCouncilMember,
  findCouncilOf,
  insertCouncil,
  insertCouncilMember,
  insertListItem,
} from "./repository.js";
import { councilFor } from "./service.js";

/**
 * Maintaining a 共建联合会 / 党建联盟: founding it, its member organisations and its two lists. Each
 * write and its audit row share one transaction.
 */

export const MEMBER_KINDS = [
  "resident_unit", // 驻区单位
  "property_company", // 物业公司
  "owners_committee", // 业主委员会
  "police_station", // 派出所（社区警务室）
  "social_organisation", // 社会组织
] as const;

export interface NewCouncil {
  kind: "council" | "alliance";
  name: string;
  regionCode: string;
  foundedOn: string;
}

/** Founds a community's 共建联合会 (council) or a street's 地区党建联盟 (alliance): one of each per region. */
export async function foundCouncil(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  input: NewCouncil,
): Promise<number> {
  const level = input.kind === "council" ? "community" : "street";
  if (ctx.regions.get(input.regionCode)?.level !== level)
    throw fail("VALIDATION_FAILED", { detail: `a ${input.kind} belongs to a ${level}` });
  if (!coversRegion(actor, input.regionCode)) throw fail("OUTSIDE_SCOPE");
  return recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    const taken = await findCouncilOf(trx, input.kind, input.regionCode);
    if (taken)
      throw fail("CONFLICT", { detail: `${input.regionCode} already has ${input.kind} ${taken.id}` });
    const row = await insertCouncil(trx, {
      kind: input.kind,
      name: input.name,
      region_code: input.regionCode,
      founded_on: input.foundedOn,
      created_by: actor.id,
      created_at: ctx.now(),
    });
    return {
      result: row.id,
      entry: { action: "joint.council", targetType: "joint_council", targetId: row.id, after: input },
    };
  });
}

export interface NewCouncilMember {
  kind: (typeof MEMBER_KINDS)[number];
  name: string;
  contact?: string;
  joinedOn: string;
}

/** Adds a member organisation (resident unit, property company, owners' committee, police station …). */
export async function addCouncilMember(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  councilId: number,
  input: NewCouncilMember,
): Promise<number> {
  const council = await councilFor(ctx, actor, councilId, true);
  return recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    const row = await insertCouncilMember(trx, {
      council_id: council.id,
      kind: input.kind,
      name: input.name,
      contact: input.contact ?? null,
      joined_on: input.joinedOn,
    });
    return {
      result: row.id,
      entry: {
        action: "joint.member",
        targetType: "joint_member",
        targetId: row.id,
        after: { councilId: council.id, ...input },
      },
    };
  });
}

export interface NewListItem {
  list: "needs" | "resources";
  title: string;
  memberId?: number;
}

/** Adds to the 需求清单 (the community's needs) or a member's 资源清单 (what it offers). */
export async function addListItem(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  councilId: number,
  input: NewListItem,
): Promise<number> {
  const council = await councilFor(ctx, actor, councilId, true);
  if ((input.list === "resources") !== (input.memberId !== undefined))
    throw fail("VALIDATION_FAILED", { detail: "a resource names the member offering it; a need names none" });
  return recordChange(ctx.db, audit, ctx.now(), async (trx) => {
    if (input.memberId !== undefined && !(await findCouncilMember(trx, council.id, input.memberId)))
      throw fail("VALIDATION_FAILED", { detail: `member ${input.memberId} is not in this council` });
    const row = await insertListItem(trx, {
      council_id: council.id,
      list: input.list,
      title: input.title,
      member_id: input.memberId ?? null,
      created_at: ctx.now(),
    });
    return {
      result: row.id,
      entry: {
        action: "joint.list_item",
        targetType: "joint_list_item",
        targetId: row.id,
        after: { councilId: council.id, ...input },
      },
    };
  });
}
