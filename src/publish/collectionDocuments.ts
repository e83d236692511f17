/**
 * Collections from the store: sections by tag (`/tags/<segment>`) and authors' pages
 * (`/authors/<segment>`), each with its pages and its RSS, Atom and JSON Feed, carrying the same
 * entries (same ids) as the site's feeds. A collection with no public article is 404.
 */
import type { CollectionRef } from "../content/collections";
import { collectionChannel, type FeedFormat } from "../render/feedChannel";
import { collectionPage } from "../render/indexPage";
import { teaserImageOrigins } from "../render/leadImage";
import { articlesOf } from "../store/articleRows";
import { newestInCollection, publicCollection } from "../store/collectionListings";
import type { DocumentOutcome, DocumentSource } from "./documentOutcome";
import { feedBody, listing, pageCount } from "./listingDocuments";

/** Page `page` of the collection, newest first, pageSize at a time. */
export async function loadCollectionPage(
	source: DocumentSource,
	ref: CollectionRef,
	page: number,
): Promise<DocumentOutcome> {
	const { site, db, state, now } = source;
	const collection = await publicCollection(db, ref.kind, ref.segment, now);
	if (collection === undefined) return { status: 404 };
	const pages = pageCount(collection.publicCount, site.pageSize);
	if (page > pages) return { status: 404 };
	const skip = (page - 1) * site.pageSize;
	const articles = articlesOf(await newestInCollection(db, collection, site.pageSize, skip));
	const channel = collectionChannel(site, collection);
	const body = collectionPage(site, collection, channel, articles, { page, pages });
	return listing("page", body.toString(), state, teaserImageOrigins(articles));
}

/** The collection's feed in `format`: its newest feedSize public articles (no archives). */
export async function loadCollectionFeed(
	source: DocumentSource,
	ref: CollectionRef,
	format: FeedFormat,
): Promise<DocumentOutcome> {
	const { site, db, state, now } = source;
	const collection = await publicCollection(db, ref.kind, ref.segment, now);
	if (collection === undefined) return { status: 404 };
	const stored = await newestInCollection(db, collection, site.feedSize);
	const body = feedBody(site, format, articlesOf(stored), {}, collectionChannel(site, collection));
	return listing(format, body, state);
}
