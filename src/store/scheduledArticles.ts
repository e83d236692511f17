/** Articles waiting for their instant (`npm run publish -- --list-scheduled`), soonest first. */

export interface ScheduledArticle {
	readonly slug: string;
	readonly origin: string;
	/** When it goes public (ms). */
	readonly publishedAt: number;
}

const SCHEDULED_SQL = `SELECT slug, origin, published_at FROM articles
	WHERE published_at > ?1 ORDER BY published_at, slug`;

export async function scheduledArticles(db: D1Database, now: number): Promise<ScheduledArticle[]> {
	const { results } = await db
		.prepare(SCHEDULED_SQL)
		.bind(now)
		.all<{ slug: string; origin: string; published_at: number }>();
	return results.map((row) => ({
		slug: row.slug,
		origin: row.origin,
		publishedAt: row.published_at,
	}));
}

export const SCHEDULED_QUERIES = { scheduledArticles: SCHEDULED_SQL };
