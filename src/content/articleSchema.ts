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

/** Media types a lead image may have: the raster formats every current browser shows. */
export type ImageType = "image/jpeg" | "image/png" | "image/webp" | "image/gif" | "image/avif";
export const IMAGE_TYPES: readonly ImageType[] = [
	"image/jpeg",
	"image/png",
	"image/webp",
	"image/gif",
	"image/avif",
];

/** The article's lead image: shown above the body, and named by every feed and link preview. */
export interface LeadImageInput {
	/** https URL, without a user name or password. */
	readonly url: string;
	/** What the image shows, for whoever cannot see it (HTML `alt`): one line of plain text. */
	readonly alt: string;
	/** Pixels, whole numbers. */
	readonly width: number;
	readonly height: number;
	readonly type: ImageType;
	/** Who made it, shown under the image (`Beeld: ANP / Remko de Waal`). */
	readonly credit: string;
	/** The file's size in bytes, when known (RSS `<enclosure length>`; `0` is written without it). */
	readonly length?: number;
}

/** Who wrote the article (its byline). The source stays credited beside its authors. */
export interface AuthorInput {
	/** As the byline shows it: one line of plain text. */
	readonly name: string;
	/** Their own page (http or https), when they have one. */
	readonly url?: string;
	/** Their fediverse account, `@user@host` (Mastodon's link-preview attribution). Never fetched. */
	readonly handle?: string;
}

/** What kind of change to a published article a log entry records. */
export type ChangeKind = "correction" | "update";
export const CHANGE_KINDS: readonly ChangeKind[] = ["correction", "update"];

/**
 * One entry of an article's log of changes made after publication (append-only once public): a
 * correction of an error, or an update with new information.
 */
export interface ChangeInput {
	/** When the change was made: an RFC 3339 instant, not before `published`, not in the future. */
	readonly at: string;
	readonly kind: ChangeKind;
	/** What changed, for readers: one line of plain text. */
	readonly note: string;
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
	/** The byline: who wrote it. Without authors the source alone is credited. */
	readonly authors?: readonly AuthorInput[];
	readonly body: readonly Block[];
	readonly image?: LeadImageInput;
	/** Corrections and updates made after publication, oldest first. */
	readonly changes?: readonly ChangeInput[];
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

export interface Author {
	readonly name: string;
	/** Their author page's URL segment (`/authors/<slug>`), made like a section's. */
	readonly slug: string;
	readonly url?: string;
	/** `@user@host`, as written. */
	readonly handle?: string;
}

export interface Change {
	/** An instant (full timestamp). */
	readonly at: PublicationDate;
	readonly kind: ChangeKind;
	readonly note: string;
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
	/** Empty when the article names none. */
	readonly authors: readonly Author[];
	readonly body: readonly Block[];
	/** Validated: https URL in its serialised form, whole-number sizes within bounds. */
	readonly image?: LeadImageInput;
	/** Oldest first; empty when nothing changed after publication. */
	readonly changes: readonly Change[];
}
