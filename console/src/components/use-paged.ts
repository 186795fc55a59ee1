import { useCallback, useState } from "react";
import type { Page } from "../api/client.ts";

/** Loads pages of a list by cursor and remembers the cursors behind, for a "first page" button. */
export function usePaged<T>(load: (cursor: string | undefined) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [next, setNext] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const go = useCallback(
    async (cursor: string | undefined, trail: (string | undefined)[]) => {
      setLoading(true);
      setError(null);
      try {
        const page = await load(cursor);
        setItems(page.items);
        setNext(page.nextCursor);
        setCursors(trail);
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
        setItems([]);
        setNext(undefined);
      } finally {
        setLoading(false);
      }
    },
    [load],
  );

  const first = useCallback(() => go(undefined, [undefined]), [go]);
  return {
    items,
    loading,
    error,
    page: cursors.length,
    hasNext: next !== undefined,
    /** Changes when `load` does: an effect on it loads the first page of a new query. */
    first,
    next: () => go(next, [...cursors, next]),
  };
}
