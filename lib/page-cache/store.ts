import { LRUCache } from "lru-cache";

export interface CachedPage {
  status: number;
  headers: [string, string][];
  /** Decoded: Next compresses every answer itself (it drops a proxy's own Content-Encoding). */
  body: Uint8Array;
}

/**
 * Rendered pages by key, bounded in bytes. Concurrent misses for one key share a single render, so a
 * burst of leaders opening 总览 after a computation costs one render, not twenty.
 */
export class RenderedPageCache {
  private readonly pages: LRUCache<string, CachedPage>;
  private readonly rendering = new Map<string, Promise<CachedPage | null>>();

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.pages = new LRUCache<string, CachedPage>({ maxSize: maxBytes, sizeCalculation: (page) => Math.max(1, page.body.byteLength) });
  }

  get(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  /** The cached page, or `render()`'s result, stored when it is worth keeping (a complete 200 page). */
  async getOrRender(key: string, render: () => Promise<CachedPage | null>): Promise<{ page: CachedPage | null; hit: boolean }> {
    const cached = this.pages.get(key);
    if (cached) return { page: cached, hit: true };
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = render()
        .then((page) => {
          if (page && page.status === 200) this.pages.set(key, page);
          return page;
        })
        .finally(() => this.rendering.delete(key));
      this.rendering.set(key, pending);
    }
    return { page: await pending, hit: false };
  }

  get size(): number {
    return this.pages.size;
  }
}
