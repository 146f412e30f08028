// Who may run "Delete canceled entries" (Business Central's batch job): a configuration decision, read at start.
// Kept apart from the entries window's logic so the first screen does not carry that.

/** ILO_DELETE_CANCELED: "everyone" (the default) or the UPNs allowed to run "Delete canceled entries". */
export type DeleteCanceledPolicy = "everyone" | readonly string[];

export function canDeleteCanceled(userUpn: string, policy: DeleteCanceledPolicy = "everyone"): boolean {
  if (policy === "everyone") return true;
  const upn = userUpn.trim().toLowerCase();
  return upn !== "" && policy.some((p) => p.trim().toLowerCase() === upn);
}
