/**
 * The WebSub topics a change of content touches: the site's three feeds, and the three feeds of
 * each section the changed articles are (or were) in. Archives are never topics: they do not change.
 */
import { sitePaths } from "../site/siteUrls";

/**
 * The feeds' paths: the site's first, then each section's in the order of `sections`, then each
 * author's in the order of `authors`.
 */
export function feedTopicPaths(
	sections: readonly string[],
	authors: readonly string[] = [],
): string[] {
	const paths: string[] = [sitePaths.rss, sitePaths.atom, sitePaths.jsonFeed];
	for (const tag of sections) {
		paths.push(sitePaths.tagRss(tag), sitePaths.tagAtom(tag), sitePaths.tagJsonFeed(tag));
	}
	for (const author of authors) {
		paths.push(
			sitePaths.authorRss(author),
			sitePaths.authorAtom(author),
			sitePaths.authorJsonFeed(author),
		);
	}
	return paths;
}
