// Interaction Template Setup: one item per purpose (Title), naming the template used for it.
import type { ListItem } from "../mapping";
import type { ItemQuery } from "../odata";
import type { SharePointSite } from "../site";
import { ListRepository } from "./list-repository";

/** Items stay raw: the setup is assembled from all of them at once (setupFromItems). */
export function templateSetupRepository(site: SharePointSite): ListRepository<ListItem> {
  return new ListRepository(site, "setup", (item) => item);
}

export const allSetup: ItemQuery = { top: 100 };
