/**
 * Tags: what an editor writes (`kabinet-Rutte IV`), the key two spellings of one tag share (case
 * and spacing do not count), and the stable, lower-case ASCII URL segment of its section
 * (`/tags/kabinet-rutte-iv`).
 */

/** Letters NFKD does not take apart into an ASCII base and marks. */
const LIGATURES: Readonly<Record<string, string>> = {
	ß: "ss",
	æ: "ae",
	œ: "oe",
	ø: "o",
	ł: "l",
	đ: "d",
	ð: "d",
	þ: "th",
	ı: "i",
};

/** Two tags are the same tag when their keys are equal: case and runs of spaces do not count. */
export function tagKey(tag: string): string {
	return tag.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The tag's URL segment: accents dropped, lower case, every run of other characters one hyphen.
 * Empty when the tag has no Latin letter or digit (validation refuses such a tag).
 */
export function tagSlug(tag: string): string {
	return tagKey(tag)
		.normalize("NFKD")
		.replace(/\p{M}/gu, "")
		.replace(/[ßæœøłđðþı]/g, (char) => LIGATURES[char] ?? "")
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "");
}
