/**
 * What one isolate knows of the site: the settings for its deployment, the content state it last
 * read from the store, and the answers it has prepared for that state.
 *
 * Freshness: warm requests answer from memory with no storage round trip. The isolate re-reads
 * the content state (one small D1 query, contentState.ts) when its copy is CONTENT_CHECK_SECONDS
 * old, or when the next scheduled article's instant has passed; if the content changed, every
 * prepared answer is dropped and rebuilt on demand. So a publish reaches every isolate within
 * CONTENT_CHECK_SECONDS, and a release happens at its instant, to the second.
 *
 * Memory: prepared answers live in a BoundedCache, so an isolate's memory stays bounded however
 * many articles exist or are requested. Search answers have a BoundedCache of their own, keyed by
 * the normalised query, so that any number of different queries never pushes documents out.
 *
 * Search: a release (a scheduled article's instant passing) is indexed by the cron within a minute;
 * a search that comes first indexes it itself before answering (the content state says whether an
 * article waits), so that from its instant on no search answers without it.
 */
import siteInput from "../../content/site";
import { fnv1a32 } from "../encoding/fnv1a";
import type { Env } from "../env";
import {
	type ErrorResponse,
	type ErrorStatus,
	prepareErrors,
	prepareGone,
} from "../http/errorResponses";
import type { PreparedResponse } from "../http/preparedResponse";
import { prepareSearchErrors, type SearchErrors } from "../http/searchErrors";
import type { SearchRequest } from "../http/searchRequest";
import type { OEmbedSubject } from "../render/oembed";
import type { DocumentKind } from "../site/documentKind";
import { CONTENT_CHECK_SECONDS } from "../site/freshness";
import { resolveSite } from "../site/resolveSite";
import type { Site } from "../site/siteSchema";
import { sitePaths } from "../site/siteUrls";
import { publicArticle } from "../store/articleLookup";
import { type ContentState, readContentState, sameContent } from "../store/contentState";
import { indexReleases } from "../store/searchIndex";
import { StoreError } from "../store/storeError";
import { BoundedCache, type CacheLimits } from "./boundedCache";
import type { DocumentRequest } from "./documentPaths";
import { loadDocument } from "./loadDocument";
import { prepareDocument } from "./prepareDocument";
import { prepareOEmbed } from "./preparedOEmbed";
import { loadSearch } from "./searchDocuments";

/** A prepared answer: a document ready to serve, or the fact that there is none (404) any more (410). */
export type PreparedAnswer =
	| {
			readonly status: 200;
			readonly kind: DocumentKind;
			readonly response: PreparedResponse;
			/** oEmbed answers only: what other sizes are rendered from. */
			readonly oembed?: OEmbedSubject;
			/** A document that changes with the clock alone is not kept past this instant (ms). */
			readonly expiresAt?: number;
	  }
	| { readonly status: 404 }
	| {
			readonly status: 410;
			/** The article's own 410 page, naming what was withdrawn; else the site's. */
			readonly page?: ErrorResponse;
	  };

/**
 * Up to 2,000 answers and 16 MiB of bodies per isolate: the feeds, hundreds of article pages and
 * room for 404s, far inside the 128 MB an isolate has (docs/performance.md measures it).
 */
export const ANSWER_LIMITS: CacheLimits = { maxEntries: 2_000, maxBytes: 16 * 1024 * 1024 };
/**
 * Up to 500 search answers and 4 MiB of their bodies per isolate, apart from the documents: a page
 * of results is about 10 KB, so the most asked queries of the last few minutes stay answered.
 */
export const SEARCH_LIMITS: CacheLimits = { maxEntries: 500, maxBytes: 4 * 1024 * 1024 };
/** What an answer without a body costs the cache: its headers and bookkeeping, roughly. */
const ANSWER_OVERHEAD = 1_024;

const CHECK_MS = CONTENT_CHECK_SECONDS * 1000;

export class PreparedSite {
	readonly errors: Record<`${ErrorStatus}-${"html" | "json"}`, ErrorResponse>;
	readonly searchErrors: SearchErrors;
	/** The settings' part of edge-cache keys: a change of site settings is a new key. */
	readonly #settings: string;
	readonly #answers = new BoundedCache<string, PreparedAnswer>(ANSWER_LIMITS, answerSize);
	readonly #searches = new BoundedCache<string, PreparedAnswer>(SEARCH_LIMITS, answerSize);
	#state: ContentState | undefined;
	/** The state whose waiting releases this isolate has indexed (indexReleases), and the run doing it. */
	#indexedFor: ContentState | undefined;
	#indexing: Promise<unknown> | undefined;
	#validUntil = Number.NEGATIVE_INFINITY;
	#reading: Promise<ContentState> | undefined;

	constructor(
		readonly site: Site,
		readonly db: D1Database,
		/** This deployment: its version id (edge-cache keys) and time (Last-Modified floor, ms). */
		readonly deployment: { readonly id: string | undefined; readonly at: number },
	) {
		this.errors = prepareErrors(site);
		this.searchErrors = prepareSearchErrors(site);
		this.#settings = settingsTag(site);
	}

	/** The prepared answer for `key` if this isolate has one and its content is current; no I/O. */
	warm(key: string, now: number): PreparedAnswer | undefined {
		return now < this.#validUntil ? this.#kept(key, now) : undefined;
	}

	#kept(key: string, now: number): PreparedAnswer | undefined {
		const answer = this.#answers.get(key);
		if (answer?.status === 200 && answer.expiresAt !== undefined && now >= answer.expiresAt) {
			this.#answers.delete(key);
			return undefined;
		}
		return answer;
	}

	/** The content state as of `now`: the isolate's copy while it is fresh, else read again. */
	async state(now: number): Promise<ContentState> {
		if (this.#state !== undefined && now < this.#validUntil) return this.#state;
		// Concurrent requests of one isolate share one read.
		this.#reading ??= this.#readState(now).finally(() => {
			this.#reading = undefined;
		});
		return this.#reading;
	}

	async #readState(now: number): Promise<ContentState> {
		const state = await readContentState(this.db, now);
		if (this.#state === undefined || !sameContent(this.#state, state)) {
			this.#answers.clear();
			this.#searches.clear();
		}
		this.#state = state;
		this.#validUntil = Math.min(now + CHECK_MS, state.nextReleaseAt ?? Number.POSITIVE_INFINITY);
		return state;
	}

	/**
	 * Names what an answer's bytes depend on, for edge-cache keys: the deployment, the settings that
	 * appear in documents (origin, hub) and the content state.
	 */
	generation(state: ContentState): string {
		// The change time too: a recreated database restarts its version numbers.
		const content = `${state.version}.${state.publicCount}.${state.publicChangedAt}`;
		return `${this.deployment.id ?? "dev"}/${this.#settings}/${content}`;
	}

	/** The answer for the document at `path`: this isolate's, or loaded from the store and prepared. */
	async document(path: string, request: DocumentRequest, now: number): Promise<PreparedAnswer> {
		return this.#answer(path, now, async (state) => {
			const outcome = await loadDocument({ site: this.site, db: this.db, state, now }, request);
			if (outcome.status === 410 && outcome.withdrawn !== undefined) {
				return { status: 410, page: prepareGone(this.site, outcome.withdrawn) };
			}
			if (outcome.status !== 200) return { status: outcome.status };
			const { document, expiresAt } = outcome;
			const response = prepareDocument(this.site, path, document, this.deployment.at);
			return { status: 200, kind: document.kind, response, ...(expiresAt && { expiresAt }) };
		});
	}

	/** The oEmbed answer for the article `slug` at the standard size. */
	async oembed(slug: string, now: number): Promise<PreparedAnswer> {
		return this.#answer(`oembed:${slug}`, now, async () => {
			const found = await publicArticle(this.db, slug, now);
			// oEmbed §2.3.5: a URL with nothing to embed is a 404, withdrawn or never published.
			if (found.state !== "public") return { status: 404 };
			const lastModified = Math.max(found.stored.changedAt, this.deployment.at);
			const { subject, standard } = prepareOEmbed(this.site, found.stored.article, lastModified);
			return { status: 200, kind: "oembed", response: standard, oembed: subject };
		});
	}

	/** The answer to the search `key` (searchKey) if this isolate has it for the current content; no I/O. */
	warmSearch(key: string, now: number): PreparedAnswer | undefined {
		return now < this.#validUntil ? this.#searches.get(key) : undefined;
	}

	/** The answer to `request` (kept under `key`): this isolate's, or searched and prepared. */
	async search(key: string, request: SearchRequest, now: number): Promise<PreparedAnswer> {
		const state = await this.state(now);
		const kept = this.#searches.get(key);
		if (kept !== undefined) return kept;
		await this.#indexReleases(state, now);
		const outcome = await loadSearch({ site: this.site, db: this.db, state, now }, request);
		const answer: PreparedAnswer =
			outcome.status === 200
				? {
						status: 200,
						kind: outcome.document.kind,
						response: prepareDocument(
							this.site,
							sitePaths.search,
							outcome.document,
							this.deployment.at,
						),
					}
				: outcome;
		if (this.#state === state) this.#searches.set(key, answer);
		return answer;
	}

	/**
	 * Indexes the articles whose instant has passed but that the cron has not indexed yet (the state
	 * read since their instant says one waits), once per state: a search never answers without an
	 * article that is public. Concurrent searches of one isolate share one run.
	 */
	async #indexReleases(state: ContentState, now: number): Promise<void> {
		const queued = state.searchQueuedAt;
		if (queued === undefined || queued > now || this.#indexedFor === state) return;
		this.#indexing ??= indexReleases(this.db, now).finally(() => {
			this.#indexing = undefined;
		});
		await this.#indexing;
		this.#indexedFor = state;
	}

	async #answer(
		key: string,
		now: number,
		load: (state: ContentState) => Promise<PreparedAnswer>,
	): Promise<PreparedAnswer> {
		const state = await this.state(now);
		const kept = this.#kept(key, now);
		if (kept !== undefined) return kept;
		const answer = await load(state);
		// Kept only if the content did not change while it was loading.
		if (this.#state === state) this.#answers.set(key, answer);
		return answer;
	}
}

/** What an answer costs a cache: its body and, roughly, its headers and bookkeeping. */
function answerSize(answer: PreparedAnswer): number {
	return ANSWER_OVERHEAD + answerBytes(answer);
}

/** The body bytes an answer keeps: a document's, or a withdrawn article's own 410 page. */
function answerBytes(answer: PreparedAnswer): number {
	if (answer.status === 200) return answer.response.body.byteLength;
	if (answer.status === 410) return answer.page?.body.byteLength ?? 0;
	return 0;
}

/** A short, stable tag of the settings documents depend on (FNV-1a of origin and hub). */
function settingsTag(site: Site): string {
	return fnv1a32(`${site.origin}\n${site.websubHub ?? ""}`)
		.toString(16)
		.padStart(8, "0");
}

type SiteVars = Pick<Env, "SITE_URL" | "WEBSUB_HUB" | "DB" | "CF_VERSION_METADATA">;

const prepared = new Map<string, PreparedSite>();
// Workers hand every request of an isolate the same `env` object: remembering the last one makes
// the lookup on the request path one comparison instead of building a key.
let lastEnv: SiteVars | undefined;
let lastSite: PreparedSite | undefined;
// Tests bind more than one database; each gets its own prepared site.
const databases = new WeakMap<D1Database, number>();
let nextDatabase = 0;

/**
 * The prepared site for these bindings, set up on first use and kept for the isolate's life.
 * Invalid settings throw (a ContentError naming the variable) and are tried afresh next time.
 */
export function preparedSite(env: SiteVars): PreparedSite {
	if (env === lastEnv && lastSite !== undefined) return lastSite;
	if (typeof env.DB !== "object" || env.DB === null) {
		throw new StoreError(
			"wrangler.toml [[d1_databases]]: DB: the D1 binding is missing: the Worker has no article store",
		);
	}
	const key = settingsKey(env);
	let site = prepared.get(key);
	if (site === undefined) {
		const deployment = {
			id: env.CF_VERSION_METADATA?.id,
			at: Date.parse(env.CF_VERSION_METADATA?.timestamp ?? "") || 0,
		};
		site = new PreparedSite(resolveSite(siteInput, env), env.DB, deployment);
		prepared.set(key, site);
	}
	lastEnv = env;
	lastSite = site;
	return site;
}

function settingsKey(env: SiteVars): string {
	let db = databases.get(env.DB);
	if (db === undefined) {
		db = nextDatabase++;
		databases.set(env.DB, db);
	}
	return `${env.SITE_URL}\n${env.WEBSUB_HUB ?? ""}\n${db}\n${env.CF_VERSION_METADATA?.id ?? ""}`;
}

/** Forgets every prepared site, as a new isolate would have none. For tests. */
export function forgetPreparedSites(): void {
	prepared.clear();
	lastEnv = undefined;
	lastSite = undefined;
}
