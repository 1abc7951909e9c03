import type { Database } from "../../db/database.js";
import { CONFIG_CHANNEL, originOf, parseConfigChange } from "./publish.js";
import { type ConfigHolder, reloadConfig } from "./reload.js";

/**
 * Keeps this instance's in-memory configuration in step with changes committed through any other
 * instance: listens on the config channel and reloads the parts named. Call once at start-up;
 * returns the function that stops listening.
 *
 * @param onError told when a reload fails; the instance keeps its previous copy until the next change.
 */
export async function listenForConfigChanges(
  holder: ConfigHolder & { database: Database },
  onError: (error: unknown) => void = (error) => console.error("config reload failed:", error),
): Promise<() => Promise<void>> {
  return holder.database.listen(CONFIG_CHANNEL, (payload) => {
    const change = parseConfigChange(payload);
    // The instance that made the change reloaded before answering the admin; again would only cost time.
    if (!change || change.origin === originOf(holder)) return;
    reloadConfig(holder, change.parts).catch(onError);
  });
}
