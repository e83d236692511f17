/**
 * The seed article as handed over (tests/fixtures/seed/: a byte-for-byte copy, with its
 * provenance), split into the paragraphs every published form must contain verbatim, in order.
 */
import seedFile from "../fixtures/seed/nos-2023-07-asiel.txt?raw";

export const seedText: string = seedFile;

/** The seed's date token (`date 2023-07`), which is metadata and not article text. */
export const seedDate: string = /^\s*date (\S+)/.exec(seedText)?.[1] ?? "";

/** Body paragraphs, whitespace collapsed (the README allows whitespace to differ, nothing else). */
export const seedParagraphs: readonly string[] = seedText
	.replace(/^\s*date \S+\s+/, "")
	.split(/\n\s*\n/)
	.map(collapseWhitespace)
	.filter((paragraph) => paragraph !== "");

export function collapseWhitespace(text: string): string {
	return text.replace(/\s+/g, " ").trim();
}
