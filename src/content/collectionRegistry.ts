/**
 * One spelling per collection URL across everything published: two tags (or two author names) that
 * differ only in case or spacing are one, but two different ones that map to the same URL
 * (`Rutte IV` and `Rutte-IV` both give /tags/rutte-iv) are refused, so one section never mixes two
 * subjects and one author's page never mixes two people.
 */
import type { Article } from "./articleSchema";
import { type CollectionKind, collectionKey } from "./collections";
import type { ContentProblem } from "./contentError";
import { tagKey, tagSlug } from "./tagSlug";

interface Owner {
	readonly key: string;
	readonly name: string;
	/** Where it was first seen: a content file or an archive line. */
	readonly where: string;
}

const WORDS: Record<CollectionKind, { readonly url: string; readonly noun: string }> = {
	tag: { url: "/tags/", noun: "tag" },
	author: { url: "/authors/", noun: "author" },
};

export class CollectionRegistry {
	readonly #owners = new Map<string, Owner>();

	/** Every tag and author of one article; the problems, for those another spelling's URL has. */
	claim(article: Pick<Article, "tags" | "authors">, file: string): ContentProblem[] {
		return [
			...article.tags.flatMap((tag, i) => this.#claim("tag", tag, file, `tags[${i}]`)),
			...article.authors.flatMap((author, i) =>
				this.#claim("author", author.name, file, `authors[${i}].name`),
			),
		];
	}

	#claim(kind: CollectionKind, name: string, file: string, path: string): ContentProblem[] {
		const segment = tagSlug(name);
		const key = collectionKey({ kind, segment });
		const owner = this.#owners.get(key);
		if (owner === undefined) {
			this.#owners.set(key, { key: tagKey(name), name, where: file });
			return [];
		}
		if (owner.key === tagKey(name)) return [];
		const words = WORDS[kind];
		return [
			{
				file,
				path,
				message: `${JSON.stringify(name)} would have the URL ${words.url}${segment} of the ${words.noun} ${JSON.stringify(owner.name)} (${owner.where}): write it the same way`,
			},
		];
	}
}
