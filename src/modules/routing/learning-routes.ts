import type { Routes } from "../../http/plugin.js";
import { auditActor } from "../audit/rules.js";
import { labelCount, modelHistory, suggestionAcceptance } from "./labels.js";
import { evaluateModel, retrainFromDistrict } from "./learning.js";
import { activeRoutingModel } from "./model/active.js";

/** The routing model's page for administrators: version, scores, history, suggestion acceptance; retrain now. */
export const routingModelRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/routing/model",
    {
      config: { access: "catalogue.manage" },
      schema: {
        tags: ["routing"],
        summary:
          "The active routing model: version, scores on the fixed evaluation set, retraining history, how often suggestions were accepted",
      },
    },
    async () => {
      const model = activeRoutingModel();
      const [history, labels] = await Promise.all([modelHistory(ctx.db, 20), labelCount(ctx.db)]);
      return {
        active: {
          version: model.version,
          trainedOn: model.artefact.trainedOn,
          scores: activeScores(model.version, () => evaluateModel(model)),
        },
        labels,
        acceptance: await suggestionAcceptance(ctx.db),
        history: history.map((row) => ({
          version: row.version,
          scores: row.scores,
          labels: row.label_count,
          status: row.status,
          trainedAt: row.trained_at,
          decidedAt: row.decided_at,
        })),
      };
    },
  );

  app.post(
    "/api/routing/model/retrain",
    {
      config: { access: "catalogue.manage" },
      schema: {
        tags: ["routing"],
        summary:
          "Retrain from the district's labelled orders now; the new model is promoted only if it scores better",
      },
    },
    async (request) => retrainFromDistrict(ctx.db, ctx.now(), auditActor(request)),
  );
};

const scoresByVersion = new Map<string, ReturnType<typeof evaluateModel> | null>();

/** A model's evaluation scores, computed once per version (null without an evaluation set). */
function activeScores(version: string, evaluate: () => ReturnType<typeof evaluateModel>) {
  if (!scoresByVersion.has(version)) {
    try {
      scoresByVersion.set(version, evaluate());
    } catch {
      scoresByVersion.set(version, null);
    }
  }
  return scoresByVersion.get(version) ?? null;
}
