/** Bindings, mirroring `[vars]` in wrangler.toml. */
export interface Env {
	/** Public origin of the site, e.g. `https://news.example.org`. */
	readonly SITE_URL: string;
	/** Optional WebSub hub advertised by every feed. */
	readonly WEBSUB_HUB?: string;
	/** The deployed version (`[version_metadata]`), which keys the edge cache. */
	readonly CF_VERSION_METADATA?: WorkerVersionMetadata;
}
