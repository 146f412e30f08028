// A minimal in-memory Web Locks API (exclusive locks, `ifAvailable`) for tests: Node has no `navigator.locks`.
type Callback<T> = (lock: { name: string } | null) => Promise<T> | T;

export class FakeLockManager {
  private readonly held = new Map<string, Promise<void>>();

  request<T>(name: string, options: { ifAvailable?: boolean }, callback: Callback<T>): Promise<T>;
  request<T>(name: string, callback: Callback<T>): Promise<T>;
  async request<T>(name: string, a: { ifAvailable?: boolean } | Callback<T>, b?: Callback<T>): Promise<T> {
    const options = typeof a === "function" ? {} : a;
    const callback = (typeof a === "function" ? a : b)!;
    if (options.ifAvailable && this.held.has(name)) return callback(null);
    while (this.held.has(name)) await this.held.get(name);
    let release!: () => void;
    this.held.set(name, new Promise<void>((r) => (release = r)));
    try {
      return await callback({ name });
    } finally {
      this.held.delete(name);
      release();
    }
  }
}
