/**
 * A least-recently-used map bounded by entry count and by total size, so that an isolate's memory
 * never grows with the number of articles it has served (Workers give an isolate 128 MB).
 *
 * @example
 * const cache = new BoundedCache<string, Uint8Array>({ maxEntries: 2, maxBytes: 1024 }, (v) => v.byteLength);
 */
export interface CacheLimits {
	readonly maxEntries: number;
	/** Sum of `sizeOf` over the entries. */
	readonly maxBytes: number;
}

export class BoundedCache<K, V> {
	// A Map iterates in insertion order: re-inserting on `get` keeps the oldest use first.
	readonly #entries = new Map<K, V>();
	#bytes = 0;

	constructor(
		readonly limits: CacheLimits,
		private readonly sizeOf: (value: V) => number,
	) {}

	get size(): number {
		return this.#entries.size;
	}

	/** Total size of the entries kept. */
	get bytes(): number {
		return this.#bytes;
	}

	get(key: K): V | undefined {
		const value = this.#entries.get(key);
		if (value === undefined) return undefined;
		this.#entries.delete(key);
		this.#entries.set(key, value);
		return value;
	}

	/** Keeps `value`, dropping the least recently used entries until both limits hold. */
	set(key: K, value: V): void {
		this.delete(key);
		const size = this.sizeOf(value);
		// A value larger than the whole budget is not kept (it is answered, just not remembered).
		if (size > this.limits.maxBytes) return;
		this.#entries.set(key, value);
		this.#bytes += size;
		for (const [oldest, old] of this.#entries) {
			if (this.#entries.size <= this.limits.maxEntries && this.#bytes <= this.limits.maxBytes)
				break;
			this.#entries.delete(oldest);
			this.#bytes -= this.sizeOf(old);
		}
	}

	delete(key: K): void {
		const value = this.#entries.get(key);
		if (value === undefined) return;
		this.#entries.delete(key);
		this.#bytes -= this.sizeOf(value);
	}

	clear(): void {
		this.#entries.clear();
		this.#bytes = 0;
	}
}
