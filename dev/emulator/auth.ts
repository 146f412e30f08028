// Bearer tokens. Signatures are not checked (dev tokens are unsigned); the claims drive identity and permissions
// exactly as Graph would use them: scp for delegated scopes, upn/preferred_username for per-user rules.
import { accessDenied, unauthenticated } from "./errors/graph-error-factory";
import type { Identity } from "./model";

export interface Caller extends Identity {
  upn: string;
  /** Delegated scopes, or undefined when the token carries no scp claim (dev tokens without scopes). */
  scopes?: Set<string>;
}

export type Access = "read" | "write" | "manage";

const WRITE_SCOPES = ["Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All", "Sites.Selected"];
const MANAGE_SCOPES = ["Sites.Manage.All", "Sites.FullControl.All"];

export function authenticate(header: string | undefined, now = Date.now()): Caller {
  if (!header || !header.trim()) throw unauthenticated("Access token is empty.");
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw unauthenticated("Access token is empty.");
  const parts = m[1]!.split(".");
  if (parts.length < 2) throw unauthenticated("IDX14100: JWT is not well formed, there are no dots (.).");
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    throw unauthenticated("Invalid JWT token. The token is malformed.");
  }
  if (typeof claims !== "object" || claims === null)
    throw unauthenticated("Invalid JWT token. The token is malformed.");
  if (typeof claims.exp === "number" && claims.exp * 1000 < now) {
    throw unauthenticated("Lifetime validation failed, the token is expired.");
  }
  const upn = String(claims.upn ?? claims.preferred_username ?? claims.unique_name ?? "").toLowerCase();
  if (!upn) throw unauthenticated("The token names no user (upn or preferred_username).");
  const caller: Caller = { upn, email: upn, displayName: String(claims.name ?? upn) };
  if (typeof claims.scp === "string") caller.scopes = new Set(claims.scp.split(/\s+/).filter(Boolean));
  return caller;
}

export interface UserRules {
  readonlyUsers: Set<string>;
  noManageUsers: Set<string>;
}

export function authorize(caller: Caller, access: Access, rules: UserRules): void {
  if (caller.scopes) {
    const has = (names: string[]) => names.some((n) => caller.scopes!.has(n));
    if (access === "read" && ![...caller.scopes].some((s) => s.startsWith("Sites.")))
      throw accessDenied("The token has no Sites.* scope.");
    if (access === "write" && !has(WRITE_SCOPES))
      throw accessDenied("Writing list items needs Sites.ReadWrite.All or higher.");
    if (access === "manage" && !has(MANAGE_SCOPES))
      throw accessDenied("Creating lists and columns needs Sites.Manage.All.");
  }
  if (access !== "read" && rules.readonlyUsers.has(caller.upn)) throw accessDenied();
  if (access === "manage" && rules.noManageUsers.has(caller.upn)) throw accessDenied();
}
