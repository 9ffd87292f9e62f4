export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export type PageFetcher<T> = (cursor?: string) => Promise<Page<T>>;

/** Lazily walks a cursor-paginated endpoint. */
export async function* paginate<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    for (const item of page.items) {
      yield item;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function collectAll<T>(fetchPage: PageFetcher<T>, limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  for await (const item of paginate(fetchPage)) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/** Offset pagination for APIs that do not return a total. */
export async function fetchAllByOffset<T>(
  fetchRange: (offset: number, limit: number) => Promise<T[]>,
  pageSize = 100,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const batch = await fetchRange(offset, pageSize);
    all.push(...batch);
    if (batch.length < pageSize) break;
  }
  return all;
}

/** Page-number pagination where the first page tells us how many pages exist. */
export async function fetchAllPages<T>(
  fetchPage: (page: number) => Promise<{ data: T[]; totalPages: number }>,
): Promise<T[]> {
  const first = await fetchPage(1);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, first.totalPages - 1) }, (_, i) => fetchPage(i + 2)),
  );
  return [first.data, ...rest.map((r) => r.data)].flat();
}

/** Finds the first matching item without loading every page. */
export async function findFirst<T>(
  fetchPage: PageFetcher<T>,
  predicate: (item: T) => boolean,
): Promise<T | undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    const hit = page.items.find(predicate);
    if (hit !== undefined) return hit;
    if (!page.nextCursor) return undefined;
    cursor = page.nextCursor;
  }
}
