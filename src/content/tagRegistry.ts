/**
 * One spelling per section URL across everything published: two tags that differ only in case or
 * spacing are one tag, but two different tags that map to the same URL (`Rutte IV` and
 * `Rutte-IV` both give /tags/rutte-iv) are refused, so one section never mixes two subjects.
 */
import type { ContentProblem } from "./contentError";
import { tagKey, tagSlug } from "./tagSlug";

interface Owner {
	readonly key: string;
	readonly tag: string;
	/** Where it was first seen: a content file, an archive line, or the store. */
	readonly where: string;
}

export class TagRegistry {
	readonly #owners = new Map<string, Owner>();

	/** Registers a tag already published (from the store), without checking it. */
	known(tag: string, where: string): void {
		const slug = tagSlug(tag);
		if (!this.#owners.has(slug)) this.#owners.set(slug, { key: tagKey(tag), tag, where });
	}

	/** Every tag of one article; the problems, for the ones another tag's URL already has. */
	claim(tags: readonly string[], file: string): ContentProblem[] {
		const problems: ContentProblem[] = [];
		tags.forEach((tag, i) => {
			const slug = tagSlug(tag);
			const owner = this.#owners.get(slug);
			if (owner === undefined) {
				this.#owners.set(slug, { key: tagKey(tag), tag, where: file });
			} else if (owner.key !== tagKey(tag)) {
				problems.push({
					file,
					path: `tags[${i}]`,
					message: `${JSON.stringify(tag)} would have the URL /tags/${slug} of the tag ${JSON.stringify(owner.tag)} (${owner.where}): write it the same way`,
				});
			}
		});
		return problems;
	}
}
