/**
 * The site as the conformance suite reads it: content published through the real publish library
 * into a real local D1 database (wrangler's getPlatformProxy, in memory), then served by the real
 * Worker app on Node, beside the static assets, and crawled from `/` and the feeds, so that every
 * document a reader can reach is checked, whatever new kinds of documents are added later.
 */
import { fileURLToPath } from "node:url";
import { readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { getPlatformProxy } from "wrangler";
import siteInput from "../../../content/site";
import { publishContent } from "../../../src/commands/publishContent";
import type { Article, ContentEntry } from "../../../src/content/articleSchema";
import { loadArticles } from "../../../src/content/loadContent";
import type { Env } from "../../../src/env";
import { app } from "../../../src/index";
import { forgetPreparedSites } from "../../../src/publish/preparedSite";
import type { DocumentKind } from "../../../src/site/documentKind";
import { resolveSite } from "../../../src/site/resolveSite";
import type { Site } from "../../../src/site/siteSchema";
import { crawl } from "./crawl";

/** The origin `npm run dev` is checked on; any valid origin would do. */
export const CONFORMANCE_ORIGIN = "http://127.0.0.1:8787";

/** The static assets' kinds: the icon files in public/, which the Worker does not serve. */
export type ImageKind = "svgImage" | "pngImage" | "icoImage";

export interface PublishedDocument {
	readonly kind: DocumentKind | ImageKind;
	/** The text of a text document; empty for an image. */
	readonly body: string;
	/** An image's bytes. */
	readonly bytes?: Uint8Array;
}

export interface Publication {
	readonly site: Site;
	/** The articles published, newest first, as validated from their content entries. */
	readonly articles: readonly Article[];
	/** Every document the crawl reached, by path. */
	readonly documents: ReadonlyMap<string, PublishedDocument>;
}

/** A local D1 store (in memory) with the migrations applied; close it when done. */
export interface ConformanceStore {
	publish(entries: readonly ContentEntry[]): Promise<Publication>;
	close(): Promise<void>;
}

/**
 * What the site answers at `url`, routed as Cloudflare routes it: a path that names a static asset
 * (public/, the icon files) is answered from there, every other one by the Worker.
 */
async function served(url: string, env: Env, assets: Fetcher | undefined): Promise<Response> {
	const asset = await assets?.fetch(url);
	if (asset !== undefined && asset.status !== 404) return asset;
	await asset?.arrayBuffer();
	return app.request(url, {}, env);
}

export async function openConformanceStore(): Promise<ConformanceStore> {
	const proxy = await getPlatformProxy<Env>({
		configPath: fileURLToPath(new URL("../../../wrangler.toml", import.meta.url)),
		persist: false,
		remoteBindings: false,
	});
	const db = proxy.env.DB;
	const migrations = await readD1Migrations(
		fileURLToPath(new URL("../../../migrations", import.meta.url)),
	);
	for (const migration of migrations) {
		await db.batch(migration.queries.map((query) => db.prepare(query)));
	}
	const env: Env = { SITE_URL: CONFORMANCE_ORIGIN, DB: db };
	const site = resolveSite(siteInput, env);
	return {
		async publish(entries) {
			// Validated exactly as `npm run publish` validates them, then written to D1 by it.
			const articles = loadArticles(entries);
			await publishContent(db, entries, { now: Date.now() });
			forgetPreparedSites();
			const documents = await crawl(site.origin, (url) => served(url, env, proxy.env.ASSETS));
			return { site, articles, documents };
		},
		close: () => proxy.dispose(),
	};
}
