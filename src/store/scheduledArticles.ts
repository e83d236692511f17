/** Articles waiting for their instant (`npm run publish -- --list-scheduled`), soonest first. */
import { prepare, statement } from "./statements";

export interface ScheduledArticle {
	readonly slug: string;
	readonly origin: string;
	/** When it goes public (ms). */
	readonly publishedAt: number;
}

const SCHEDULED = statement(
	"scheduledArticles",
	"command",
	`SELECT slug, origin, published_at FROM articles
	WHERE published_at > ?1 ORDER BY published_at, slug`,
);

export async function scheduledArticles(db: D1Database, now: number): Promise<ScheduledArticle[]> {
	const { results } = await prepare(db, SCHEDULED)
		.bind(now)
		.all<{ slug: string; origin: string; published_at: number }>();
	return results.map((row) => ({
		slug: row.slug,
		origin: row.origin,
		publishedAt: row.published_at,
	}));
}
