// A small, strict XML reader for the manifest checker. It covers what an add-in manifest uses (elements,
// attributes, text, comments, the XML declaration, CDATA, the five predefined entities and character references)
// and resolves namespaces, because the manifest's meaning depends on them: the same <VersionOverrides> name means
// schema 1.0 or 1.1 depending on its xmlns. Anything malformed throws XmlSyntaxError with a line number, so the
// checker still reports broken XML on machines without xmllint.

export interface XmlElement {
  /** Prefixed name as written, e.g. "bt:Image". */
  readonly name: string;
  /** Name without prefix, e.g. "Image". */
  readonly local: string;
  /** Resolved namespace URI ("" when none). */
  readonly ns: string;
  /** Attributes by name as written (prefixed names kept, e.g. "xsi:type"). */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Concatenated character data directly inside this element, trimmed. */
  text: string;
  readonly line: number;
  readonly parent: XmlElement | undefined;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "XmlSyntaxError";
  }
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&([^;\s&]*);|&/g, (match, body: string | undefined) => {
    if (body === undefined) throw new XmlSyntaxError("bare '&' (write &amp;)", line);
    if (body in ENTITIES) return ENTITIES[body]!;
    const num = /^#x([0-9a-fA-F]+)$/.exec(body) ?? /^#([0-9]+)$/.exec(body);
    if (num) return String.fromCodePoint(parseInt(num[1]!, body.startsWith("#x") ? 16 : 10));
    throw new XmlSyntaxError(`unknown entity ${match}`, line);
  });
}

interface Scope {
  readonly prefixes: ReadonlyMap<string, string>;
}

function resolve(
  name: string,
  scope: Scope,
  line: number,
  isAttribute: boolean,
): { local: string; ns: string } {
  const colon = name.indexOf(":");
  if (colon < 0) return { local: name, ns: isAttribute ? "" : (scope.prefixes.get("") ?? "") };
  const prefix = name.slice(0, colon);
  if (prefix === "xml") return { local: name.slice(colon + 1), ns: "http://www.w3.org/XML/1998/namespace" };
  const ns = scope.prefixes.get(prefix);
  if (ns === undefined)
    throw new XmlSyntaxError(`undeclared namespace prefix "${prefix}" in <${name}>`, line);
  return { local: name.slice(colon + 1), ns };
}

/** Parses one XML document and returns its root element. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  let line = 1;
  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (source.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const expectEnd = (marker: string, what: string): number => {
    const end = source.indexOf(marker, pos);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what}`, line);
    return end;
  };

  let root: XmlElement | undefined;
  const stack: Array<{ el: XmlElement; scope: Scope; textParts: string[] }> = [];
  const rootScope: Scope = { prefixes: new Map([["xmlns", "http://www.w3.org/2000/xmlns/"]]) };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < source.length) {
    const lt = source.indexOf("<", pos);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > pos) {
      const raw = source.slice(pos, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.textParts.push(decodeEntities(raw, line));
      else if (raw.trim() !== "") throw new XmlSyntaxError("text outside the root element", line);
      advance(textEnd);
      if (lt < 0) break;
    }
    if (source.startsWith("<!--", pos)) {
      const end = expectEnd("-->", "comment");
      if (source.slice(pos + 4, end).includes("--")) throw new XmlSyntaxError("'--' inside a comment", line);
      advance(end + 3);
    } else if (source.startsWith("<?", pos)) {
      const end = expectEnd("?>", "processing instruction");
      const documentStart = source.charCodeAt(0) === 0xfeff ? 1 : 0;
      if (/^<\?xml[\s?]/.test(source.slice(pos, pos + 6)) && pos !== documentStart) {
        throw new XmlSyntaxError("XML declaration not at the very start of the file", line);
      }
      advance(end + 2);
    } else if (source.startsWith("<![CDATA[", pos)) {
      const top = stack[stack.length - 1];
      if (!top) throw new XmlSyntaxError("CDATA outside the root element", line);
      const end = expectEnd("]]>", "CDATA section");
      top.textParts.push(source.slice(pos + 9, end));
      advance(end + 3);
    } else if (source.startsWith("<!DOCTYPE", pos)) {
      throw new XmlSyntaxError("DOCTYPE is not allowed in a manifest", line);
    } else if (source.startsWith("</", pos)) {
      const m = NAME.exec(source.slice(pos + 2));
      if (!m) throw new XmlSyntaxError("malformed end tag", line);
      const after = pos + 2 + m[0].length;
      const close = source.indexOf(">", after);
      if (close < 0 || source.slice(after, close).trim() !== "")
        throw new XmlSyntaxError("malformed end tag", line);
      const top = stack.pop();
      if (!top) throw new XmlSyntaxError(`unexpected </${m[0]}>`, line);
      if (top.el.name !== m[0]) {
        throw new XmlSyntaxError(
          `</${m[0]}> does not close <${top.el.name}> opened on line ${top.el.line}`,
          line,
        );
      }
      top.el.text = top.textParts.join("").trim();
      advance(close + 1);
    } else {
      if (root && stack.length === 0) throw new XmlSyntaxError("more than one root element", line);
      const startLine = line;
      const m = NAME.exec(source.slice(pos + 1));
      if (!m) throw new XmlSyntaxError("malformed start tag", line);
      let cursor = pos + 1 + m[0].length;
      const rawAttrs: Array<[string, string]> = [];
      let selfClosing = false;
      for (;;) {
        const ws = /^\s*/.exec(source.slice(cursor))![0];
        cursor += ws.length;
        if (source.startsWith("/>", cursor)) {
          selfClosing = true;
          cursor += 2;
          break;
        }
        if (source.startsWith(">", cursor)) {
          cursor += 1;
          break;
        }
        if (ws.length === 0) throw new XmlSyntaxError(`malformed attributes in <${m[0]}>`, startLine);
        const a = /^([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(
          source.slice(cursor),
        );
        if (!a) throw new XmlSyntaxError(`malformed attribute in <${m[0]}>`, startLine);
        if (rawAttrs.some(([n]) => n === a[1])) {
          throw new XmlSyntaxError(`duplicate attribute ${a[1]} in <${m[0]}>`, startLine);
        }
        rawAttrs.push([a[1]!, decodeEntities(a[3] ?? a[4] ?? "", startLine)]);
        cursor += a[0].length;
      }
      const parentScope = stack[stack.length - 1]?.scope ?? rootScope;
      const prefixes = new Map(parentScope.prefixes);
      for (const [n, v] of rawAttrs) {
        if (n === "xmlns") prefixes.set("", v);
        else if (n.startsWith("xmlns:")) prefixes.set(n.slice(6), v);
      }
      const scope: Scope = { prefixes };
      for (const [n] of rawAttrs) if (n.includes(":")) resolve(n, scope, startLine, true);
      const { local, ns } = resolve(m[0], scope, startLine, false);
      const parent = stack[stack.length - 1]?.el;
      const el: XmlElement = {
        name: m[0],
        local,
        ns,
        attrs: Object.fromEntries(rawAttrs),
        children: [],
        text: "",
        line: startLine,
        parent,
      };
      if (parent) parent.children.push(el);
      else root = el;
      advance(cursor);
      if (!selfClosing) stack.push({ el, scope, textParts: [] });
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!.el;
    throw new XmlSyntaxError(`<${open.name}> opened on line ${open.line} is never closed`, line);
  }
  if (!root) throw new XmlSyntaxError("no root element", line);
  return root;
}

/** All descendants (depth first, document order), not including `el` itself. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** A readable location for messages: "OfficeApp/VersionOverrides/Hosts (line 64)". */
export function pathOf(el: XmlElement): string {
  const names: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const type = e.attrs["xsi:type"];
    names.unshift(type ? `${e.name}[${type}]` : e.name);
  }
  return `${names.join("/")} (line ${el.line})`;
}
