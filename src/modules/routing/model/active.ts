import { loadShippedArtefact } from "./artefact.js";
import { RoutingModel } from "./router.js";

let active: RoutingModel | undefined;

/** The model that routes demands now: the shipped one until a retrained model is promoted. */
export function activeRoutingModel(): RoutingModel {
  active ??= new RoutingModel(loadShippedArtefact());
  return active;
}

/** Switches routing to a promoted (or, on start-up, the stored active) model. */
export function routeWith(model: RoutingModel): void {
  active = model;
}
