// Interaction Templates: a small reference list, read whole.
import type { InteractionTemplate } from "../../domain/types";
import { templateFromItem } from "../mapping";
import type { ItemQuery } from "../odata";
import type { SharePointSite } from "../site";
import { ListRepository } from "./list-repository";

export function templatesRepository(site: SharePointSite): ListRepository<InteractionTemplate> {
  return new ListRepository(site, "templates", templateFromItem);
}

export const allTemplates: ItemQuery = { top: 500 };
