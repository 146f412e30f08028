// Which paths faults apply to: glob patterns matched against the whole Graph path (without /v1.0 and the query).
//   *   any characters within one segment (not "/")      /sites/*            the site itself
//   **  any characters, "/" included                      /sites/**           everything under /sites/
//                                                         **/items            every items collection
// A pattern without "*" is a plain prefix: "/sites" is every path that starts with "/sites".
// Regular expressions were accepted before; a pattern anyone can send to the admin endpoint must not be able to hang
// the server (catastrophic backtracking), so patterns are compiled to tokens and matched by a dynamic program whose
// cost is bounded by path length × pattern length, whatever the pattern.

export const MAX_FAULT_PATHS = 16;
export const MAX_FAULT_PATH_LENGTH = 200;

type Token = { kind: "char"; c: string } | { kind: "star" } | { kind: "globstar" };

export interface PathPattern {
  source: string;
  matches(path: string): boolean;
}

const REGEX_SYNTAX = /[\^()[\]{}+|\\?]/;

function refuse(pattern: string, why: string): never {
  throw new TypeError(
    `fault path ${JSON.stringify(pattern.length > 60 ? `${pattern.slice(0, 60)}…` : pattern)} ${why}. ` +
      'Paths are globs matched against the whole Graph path without /v1.0: "*" = characters within one segment, ' +
      '"**" = anything (e.g. "/sites/**", "**/items", "/sites/*"); regular expressions are not accepted.',
  );
}

/** Validates and compiles one pattern; throws a TypeError that says what is wrong and what is accepted. */
export function compilePathPattern(pattern: string): PathPattern {
  if (pattern.length === 0) refuse(pattern, "is empty");
  if (pattern.length > MAX_FAULT_PATH_LENGTH)
    refuse(pattern, `is longer than ${MAX_FAULT_PATH_LENGTH} characters`);
  if (!pattern.startsWith("/") && !pattern.startsWith("*")) refuse(pattern, 'must start with "/" or "*"');
  if (REGEX_SYNTAX.test(pattern) || pattern.endsWith("$")) refuse(pattern, "looks like a regular expression");
  if (pattern.includes("***")) refuse(pattern, 'has more than two "*" in a row');
  // ".*" is a regular expression's "anything": as a glob it would silently mean a literal dot.
  if (pattern.includes(".*")) refuse(pattern, 'looks like a regular expression (".*": use "**")');
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "*") {
      if (pattern[i + 1] === "*") {
        tokens.push({ kind: "globstar" });
        i++;
      } else tokens.push({ kind: "star" });
    } else tokens.push({ kind: "char", c: pattern[i]! });
  }
  if (!pattern.includes("*")) tokens.push({ kind: "globstar" });
  return { source: pattern, matches: (path) => matchTokens(tokens, path) };
}

/** can[j] = tokens[0..j) match the path read so far; one pass over the path, O(path × tokens). */
function matchTokens(tokens: Token[], path: string): boolean {
  const m = tokens.length;
  let prev = new Array<boolean>(m + 1).fill(false);
  let cur = new Array<boolean>(m + 1).fill(false);
  prev[0] = true;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! && tokens[j - 1]!.kind !== "char";
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    cur[0] = false;
    let any = false;
    for (let j = 1; j <= m; j++) {
      const t = tokens[j - 1]!;
      const v =
        t.kind === "char"
          ? prev[j - 1]! && t.c === c
          : t.kind === "star"
            ? cur[j - 1]! || (prev[j]! && c !== "/")
            : cur[j - 1]! || prev[j]!;
      cur[j] = v;
      any ||= v;
    }
    if (!any) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

export function compilePathPatterns(patterns: unknown): PathPattern[] {
  if (!Array.isArray(patterns) || !patterns.every((p) => typeof p === "string"))
    throw new TypeError("paths must be an array of strings");
  if (patterns.length > MAX_FAULT_PATHS) throw new TypeError(`at most ${MAX_FAULT_PATHS} fault paths`);
  return (patterns as string[]).map(compilePathPattern);
}
