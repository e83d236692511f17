/**
 * The shape of content (`content/`), and of the validated model the renderers read.
 * `ArticleInput` is what an editor writes; `Article` is what `loadContent` hands on.
 */
import type { PublicationDate } from "./publicationDate";

/** A block of article body text. No media URL exists in the seed and none is invented. */
export type Block =
	| { readonly type: "paragraph"; readonly text: string }
	| { readonly type: "heading"; readonly text: string }
	| {
			readonly type: "mediaCaption";
			/** What the caption belonged to in the original publication. */
			readonly media: MediaKind;
			readonly caption: string;
			/** Who made the media, shown after the caption (`- NOS`). */
			readonly credit: string;
	  };

export type MediaKind = "video" | "image" | "audio";
export const MEDIA_KINDS: readonly MediaKind[] = ["video", "image", "audio"];

export interface SourceInput {
	/** The organisation credited for the article, e.g. `NOS`. */
	readonly name: string;
	/** Its home page, http(s). */
	readonly url: string;
}

export interface ArticleInput {
	/** URL path segment: lower-case letters, digits and single hyphens. */
	readonly slug: string;
	readonly headline: string;
	/** As precise as known: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or RFC 3339 with offset. */
	readonly published: string;
	readonly updated?: string;
	/** BCP 47 language tag, e.g. `nl`. */
	readonly language: string;
	readonly source: SourceInput;
	/** Defaults to the first paragraph, verbatim: no sentence is invented. */
	readonly summary?: string;
	readonly tags: readonly string[];
	readonly body: readonly Block[];
}

/** One registered content file: where it lives (for error messages) and what it exports. */
export interface ContentEntry {
	readonly file: string;
	readonly input: unknown;
}

export interface Source {
	readonly name: string;
	readonly url: string;
}

/** A validated article: dates parsed, language canonical, summary filled in. */
export interface Article {
	readonly file: string;
	readonly slug: string;
	readonly headline: string;
	readonly published: PublicationDate;
	readonly updated?: PublicationDate;
	readonly language: string;
	readonly source: Source;
	readonly summary: string;
	readonly tags: readonly string[];
	readonly body: readonly Block[];
}
