/** The site's settings as written in `content/site.ts`. */
export interface SiteInput {
	readonly title: string;
	readonly description: string;
	/** BCP 47 language tag of the site's own text. */
	readonly language: string;
	/** The newsroom's IANA time zone (`Europe/Amsterdam`): where people read times of day in it. */
	readonly timeZone: string;
	/** Domain under which entry ids are minted as tag URIs (RFC 4151 §2.1). */
	readonly idAuthority: string;
	/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` on which the publisher held `idAuthority`. */
	readonly idDate: string;
	/** How many of the newest articles each feed carries. */
	readonly feedSize: number;
	/** Articles per page of `/` (and `/page/2`, ...). */
	readonly pageSize: number;
	/**
	 * Articles per RFC 5005 archive page (oldest first, at most `feedSize`). Fixes which articles
	 * each archive URL holds: never change it once archives are published.
	 */
	readonly archivePageSize: number;
}

/** Validated settings plus the public origin, as every renderer receives them. */
export interface Site {
	readonly title: string;
	readonly description: string;
	readonly language: string;
	readonly timeZone: string;
	readonly idAuthority: string;
	readonly idDate: string;
	readonly feedSize: number;
	readonly pageSize: number;
	readonly archivePageSize: number;
	/** Public origin without a trailing slash, e.g. `https://news.example.org`. */
	readonly origin: string;
	readonly websubHub?: string;
}
