// Interaction Groups: a small reference list, read whole.
import type { InteractionGroup } from "../../domain/types";
import { groupFromItem } from "../mapping";
import type { ItemQuery } from "../odata";
import type { SharePointSite } from "../site";
import { ListRepository } from "./list-repository";

export function groupsRepository(site: SharePointSite): ListRepository<InteractionGroup> {
  return new ListRepository(site, "groups", groupFromItem);
}

export const allGroups: ItemQuery = { top: 500 };
