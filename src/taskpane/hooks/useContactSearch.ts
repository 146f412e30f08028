// Contact search as the user types: waits for a pause in typing (one store call, one $batch, per burst), drops
// answers to text that is no longer in the box, pages on demand and stops at a cap so a one-letter search of a
// big list never floods the pane.
import { useCallback, useEffect, useRef, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { InteractionStorePort } from "../../domain/ports";
import type { Contact } from "../../domain/types";
import { asStoreError } from "../model/store-error";

export const SEARCH_DEBOUNCE_MS = 250;
export const SEARCH_PAGE = 25;
/** Most results the pane lists for one text; beyond that the user is asked to type more. */
export const SEARCH_CAP = 100;

export interface ContactSearchState {
  text: string;
  setText(text: string): void;
  results: Contact[];
  /** The text the results belong to ("" before the first answer). */
  searched: string;
  loading: boolean;
  error?: StoreError;
  /** More matches exist and the cap is not reached. */
  hasMore: boolean;
  /** The cap is reached while more would match. */
  capped: boolean;
  loadMore(): void;
  retry(): void;
}

export function useContactSearch(
  store: Pick<InteractionStorePort, "findContacts">,
  debounceMs = SEARCH_DEBOUNCE_MS,
): ContactSearchState {
  const [text, setText] = useState("");
  const [results, setResults] = useState<Contact[]>([]);
  const [searched, setSearched] = useState("");
  const [cursor, setCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<StoreError | undefined>();
  const latest = useRef(0);

  const run = useCallback(
    async (query: string, from: string | undefined, previous: Contact[]) => {
      const id = ++latest.current;
      if (!query.trim()) {
        setResults([]);
        setSearched("");
        setCursor(undefined);
        setLoading(false);
        setError(undefined);
        return;
      }
      setLoading(true);
      setError(undefined);
      try {
        const page = await store.findContacts({
          text: query,
          pageSize: SEARCH_PAGE,
          ...(from ? { cursor: from } : {}),
        });
        if (id !== latest.current) return;
        const seen = new Set(previous.map((c) => c.contactNo));
        const merged = [...previous, ...page.contacts.filter((c) => !seen.has(c.contactNo))];
        setResults(merged.slice(0, SEARCH_CAP));
        setSearched(query);
        setCursor(merged.length >= SEARCH_CAP ? (page.nextCursor ?? "cap") : page.nextCursor);
      } catch (e) {
        if (id === latest.current) setError(asStoreError(e));
      } finally {
        if (id === latest.current) setLoading(false);
      }
    },
    [store],
  );

  useEffect(() => {
    if (!text.trim()) {
      void run("", undefined, []);
      return;
    }
    const timer = setTimeout(() => void run(text, undefined, []), debounceMs);
    // Typing on invalidates an answer still on its way.
    latest.current++;
    return () => clearTimeout(timer);
  }, [text, run, debounceMs]);

  const capped = results.length >= SEARCH_CAP && cursor !== undefined;
  return {
    text,
    setText,
    results,
    searched,
    loading,
    ...(error ? { error } : {}),
    hasMore: cursor !== undefined && !capped,
    capped,
    loadMore: () => void (cursor && !capped && run(searched, cursor, results)),
    retry: () => void run(text, undefined, []),
  };
}
