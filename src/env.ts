/** Bindings, mirroring `[vars]` in wrangler.toml. */
export interface Env {
	/** Public origin of the site, e.g. `https://news.example.org`. */
	readonly SITE_URL: string;
	/** Optional WebSub hub advertised by every feed. */
	readonly WEBSUB_HUB?: string;
}
