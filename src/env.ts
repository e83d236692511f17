/**
 * Bindings, mirroring wrangler.toml (`[vars]`, `[[d1_databases]]`, `[version_metadata]`,
 * `[assets]`).
 */
export interface Env {
	/** Public origin of the site, e.g. `https://news.example.org`. */
	readonly SITE_URL: string;
	/** Optional WebSub hub advertised by every feed. */
	readonly WEBSUB_HUB?: string;
	/** The article store (migrations/). */
	readonly DB: D1Database;
	/**
	 * Opens /preview to editors who present it (a secret: `wrangler secret put PREVIEW_TOKEN`,
	 * `.dev.vars` locally; never in wrangler.toml). Preview is off without it.
	 */
	readonly PREVIEW_TOKEN?: string;
	/** The deployed version (`[version_metadata]`), which keys the edge cache. */
	readonly CF_VERSION_METADATA?: WorkerVersionMetadata;
	/**
	 * The static assets (public/: the icon files). Cloudflare serves them before the Worker runs,
	 * so the Worker never calls this; the conformance suite fetches through it as Cloudflare routes.
	 */
	readonly ASSETS?: Fetcher;
}
