/**
 * Collections of articles under a URL segment: sections by tag (`/tags/<segment>`) and authors'
 * pages (`/authors/<segment>`). The store keeps both kinds alike (migrations/0006); renderers and
 * routes tell them apart by `kind`.
 */
export type CollectionKind = "tag" | "author";

/** A collection as one key: its kind and URL segment. */
export interface CollectionRef {
	readonly kind: CollectionKind;
	readonly segment: string;
}

export function collectionKey(collection: CollectionRef): string {
	return `${collection.kind}:${collection.segment}`;
}

/** A collection as the public sees it. */
export interface Collection extends CollectionRef {
	/**
	 * The name shown: a section's is the spelling of its oldest public article (stable as articles
	 * arrive); an author's, with their page and handle, as their newest public article gives them
	 * (so a new handle or page shows at once). docs/syndication.md, "Sections" and "Authors".
	 */
	readonly name: string;
	readonly url?: string;
	readonly handle?: string;
	/** Public articles in the collection, which hold its positions 1..publicCount. */
	readonly publicCount: number;
}
