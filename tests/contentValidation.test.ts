import { describe, expect, it } from "vitest";
import { toArticleInput } from "../src/content/articleDocument";
import { ContentError } from "../src/content/contentError";
import { loadArticles } from "../src/content/loadContent";
import { entry, leadImageInput, validInput } from "./fixtures/articleInputs";

const FILE = "content/articles/x.ts";

/** Loads the entries and returns the ContentError's message lines; fails if loading succeeds. */
function problemsOf(...entries: ReturnType<typeof entry>[]): string[] {
	try {
		loadArticles(entries);
	} catch (error) {
		if (error instanceof ContentError)
			return error.message
				.split("\n")
				.slice(1)
				.map((line) => line.trim());
		throw error;
	}
	throw new Error("expected the content to be rejected");
}

describe("loading content", () => {
	it("accepts a valid article and fills in the summary from the first paragraph", () => {
		const [article] = loadArticles([entry(FILE)]);
		expect(article?.summary).toBe("Eerste alinea.");
		expect(article?.published.precision).toBe("day");
	});

	it("keeps an explicit summary and canonicalises the language tag", () => {
		const [article] = loadArticles([entry(FILE, { summary: "Kort.", language: "nl-nl" })]);
		expect(article?.summary).toBe("Kort.");
		expect(article?.language).toBe("nl-NL");
	});

	it("orders articles newest first", () => {
		const articles = loadArticles([
			entry("content/articles/a.ts", { slug: "oud", published: "2020" }),
			entry("content/articles/b.ts", { slug: "nieuw", published: "2024-01-01T09:00:00+01:00" }),
		]);
		expect(articles.map((article) => article.slug)).toEqual(["nieuw", "oud"]);
	});

	it("reports every problem of every file in one error", () => {
		const problems = problemsOf(
			entry("content/articles/a.ts", { headline: "", published: "2023-13" }),
			entry("content/articles/b.ts", { body: [] }),
		);
		expect(problems).toEqual([
			"content/articles/a.ts: headline: must not be empty",
			'content/articles/a.ts: published: month 13 does not exist in "2023-13"',
			"content/articles/b.ts: body: must have at least one block",
		]);
	});
});

describe("content validation names the file, the field and what was expected", () => {
	it("rejects a duplicate slug", () => {
		expect(problemsOf(entry("content/articles/a.ts"), entry("content/articles/b.ts"))).toEqual([
			'content/articles/b.ts: slug: "een-geldig-artikel" is already used by content/articles/a.ts',
		]);
	});

	it("rejects a malformed slug", () => {
		expect(problemsOf(entry(FILE, { slug: "Geen Slug!" }))).toEqual([
			`${FILE}: slug: expected lower-case letters, digits and single hyphens (at most 120), got "Geen Slug!"`,
		]);
	});

	it("rejects a malformed date", () => {
		expect(problemsOf(entry(FILE, { published: "juli 2023" }))).toEqual([
			`${FILE}: published: expected YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 timestamp with offset (YYYY-MM-DDThh:mm:ss+hh:mm), got "juli 2023"`,
		]);
	});

	it("rejects an impossible date", () => {
		expect(problemsOf(entry(FILE, { published: "2023-02-30" }))).toEqual([
			`${FILE}: published: day 30 does not exist in 2023-02 in "2023-02-30"`,
		]);
	});

	it("rejects an updated date before the published one", () => {
		expect(problemsOf(entry(FILE, { updated: "2024-03-04" }))).toEqual([
			`${FILE}: updated: must not be earlier than published (2024-03-05)`,
		]);
	});

	it("rejects an empty headline", () => {
		expect(problemsOf(entry(FILE, { headline: "   " }))).toEqual([
			`${FILE}: headline: must not be empty`,
		]);
	});

	it("rejects an empty body", () => {
		expect(problemsOf(entry(FILE, { body: [] }))).toEqual([
			`${FILE}: body: must have at least one block`,
		]);
	});

	it("rejects a body without a paragraph", () => {
		expect(
			problemsOf(entry(FILE, { body: [{ type: "heading", text: "Alleen een kop" }] })),
		).toEqual([`${FILE}: body: must have at least one paragraph`]);
	});

	it("rejects an unknown block type", () => {
		expect(
			problemsOf(entry(FILE, { body: [...validInput.body, { type: "video", url: "x" }] })),
		).toEqual([
			`${FILE}: body[4].type: expected "paragraph", "heading" or "mediaCaption", got "video"`,
		]);
	});

	it("rejects a non-http(s) source URL", () => {
		expect(
			problemsOf(entry(FILE, { source: { name: "NOS", url: "javascript:alert(1)" } })),
		).toEqual([`${FILE}: source.url: expected an http(s) URL, got the javascript: scheme`]);
	});

	it("rejects a relative source URL", () => {
		expect(problemsOf(entry(FILE, { source: { name: "NOS", url: "/nos" } }))).toEqual([
			`${FILE}: source.url: expected an absolute http(s) URL, got "/nos"`,
		]);
	});

	it("rejects characters XML 1.0 forbids", () => {
		expect(
			problemsOf(entry(FILE, { body: [{ type: "paragraph", text: "Bel\u0007 en \uFFFE" }] })),
		).toEqual([`${FILE}: body[0].text: contains a character XML 1.0 forbids (U+0007 at offset 3)`]);
	});

	it("rejects a lone surrogate", () => {
		expect(problemsOf(entry(FILE, { headline: "Half \uD83D emoji" }))).toEqual([
			`${FILE}: headline: contains a character XML 1.0 forbids (U+D83D at offset 5)`,
		]);
	});

	it("rejects a headline over two lines", () => {
		expect(problemsOf(entry(FILE, { headline: "Twee\nregels" }))).toEqual([
			`${FILE}: headline: must be a single line`,
		]);
	});

	it("rejects a language that is not a BCP 47 tag", () => {
		expect(problemsOf(entry(FILE, { language: "Nederlands!" }))).toEqual([
			`${FILE}: language: expected a BCP 47 language tag such as "nl", got "Nederlands!"`,
		]);
	});

	it("rejects a missing source and a misspelt field", () => {
		expect(problemsOf(entry(FILE, { source: undefined, tgas: [] }))).toEqual([
			`${FILE}: tgas: unknown field; expected one of slug, headline, published, updated, language, source, summary, tags, authors, body, image, changes`,
			`${FILE}: source: expected an object, got nothing`,
		]);
	});

	it("trims tags and collapses their inner white space", () => {
		const [article] = loadArticles([entry(FILE, { tags: [" Asiel ", "a  b", "Den\tHaag"] })]);
		expect(article?.tags).toEqual(["Asiel", "a b", "Den Haag"]);
	});

	it("rejects tags that differ only in case or spacing, naming the tag they repeat", () => {
		expect(problemsOf(entry(FILE, { tags: ["Asiel", "asiel", "asiel ", "a  b", "A B"] }))).toEqual([
			`${FILE}: tags[1]: "asiel" repeats tags[0] ("Asiel"): tags that differ only in case or spacing are the same tag`,
			`${FILE}: tags[2]: "asiel " repeats tags[0] ("Asiel"): tags that differ only in case or spacing are the same tag`,
			`${FILE}: tags[4]: "A B" repeats tags[3] ("a  b"): tags that differ only in case or spacing are the same tag`,
		]);
	});

	it("rejects tags with markup", () => {
		expect(problemsOf(entry(FILE, { tags: ["<b>asiel</b>"] }))).toEqual([
			`${FILE}: tags[0]: expected 1-40 letters, digits, spaces or hyphens, got "<b>asiel</b>"`,
		]);
	});
});

describe("text that was mis-decoded", () => {
	it("rejects the U+FFFD replacement character", () => {
		expect(problemsOf(entry(FILE, { headline: "Caf\uFFFD" }))).toEqual([
			`${FILE}: headline: contains U+FFFD, a replacement character: re-copy the text from its source`,
		]);
	});
});

describe("dates feed readers would show wrongly", () => {
	it("rejects a date before 1990, where 1970-01-01 usually means a missing date", () => {
		expect(problemsOf(entry(FILE, { published: "1970-01-01T00:00:00Z" }))).toEqual([
			`${FILE}: published: 1970-01-01T00:00:00Z is before 1990-01-01: feed readers and validators treat such dates as implausible (1970-01-01 usually means a missing date)`,
		]);
	});

	it("rejects an update dated in the future", () => {
		expect(problemsOf(entry(FILE, { updated: "2100-01-01" }))).toEqual([
			`${FILE}: updated: 2100-01-01 is in the future: an update is dated when it was made (to schedule an article, set a future published instant)`,
		]);
	});

	it("rejects a future publication date without an instant: a schedule needs one", () => {
		for (const published of ["2100", "2100-01", "2100-01-05"]) {
			expect(problemsOf(entry(FILE, { published }))).toEqual([
				expect.stringMatching(
					new RegExp(
						`^${FILE}: published: ${published} is in the future, and a schedule needs an instant: give the moment it goes public as an RFC 3339 timestamp such as 2100-01-0[15]T18:00:00\\+01:00$`,
					),
				),
			]);
		}
	});

	it("accepts a future publication instant: the article is scheduled", () => {
		const [article] = loadArticles([entry(FILE, { published: "2100-01-05T18:00:00+01:00" })]);
		expect(article?.published.instant.toISOString()).toBe("2100-01-05T17:00:00.000Z");
	});

	it("accepts 1 January 1990", () => {
		expect(loadArticles([entry(FILE, { published: "1990-01-01T00:00:00Z" })])).toHaveLength(1);
	});
});

describe("text that displays differently from what was written", () => {
	it("rejects a right-to-left override", () => {
		expect(problemsOf(entry(FILE, { headline: "Factuur \u202Efdp.exe" }))).toEqual([
			`${FILE}: headline: contains a bidirectional override (U+202E at offset 8) that reverses how text is shown: remove it (use U+200F RIGHT-TO-LEFT MARK if a mark is needed)`,
		]);
	});

	it("rejects an HTML character reference in a headline, but not a bare ampersand", () => {
		expect(problemsOf(entry(FILE, { headline: "Q&amp;A" }))).toEqual([
			`${FILE}: headline: contains "&amp;", an HTML character reference: type the character itself (for example & instead of &amp;)`,
		]);
		expect(loadArticles([entry(FILE, { headline: "AT&T en Q&A" })])).toHaveLength(1);
	});

	it("rejects an HTML end tag in a headline, but not a lone < or a start tag", () => {
		expect(problemsOf(entry(FILE, { headline: "<i>Cursief</i> in een kop" }))).toEqual([
			`${FILE}: headline: contains "</i>", an HTML end tag: this is plain text, so leave the markup out`,
		]);
		for (const headline of ["1 < 2", "a<b en c>d", "Tom & Jerry's <b>", "1 </2>"]) {
			expect(loadArticles([entry(FILE, { headline })]), headline).toHaveLength(1);
		}
	});
});

describe("a lead image", () => {
	it("is kept as written, and written back the same into the stored document", () => {
		const [article] = loadArticles([entry(FILE, { image: leadImageInput })]);
		expect(article?.image).toEqual(leadImageInput);
		expect(article && toArticleInput(article).image).toEqual(leadImageInput);
	});

	it("may leave out its byte length, and is left out of the stored document when absent", () => {
		const { length: _, ...withoutLength } = leadImageInput;
		const [withImage] = loadArticles([entry(FILE, { image: withoutLength })]);
		expect(withImage?.image).toEqual(withoutLength);
		const [without] = loadArticles([entry(FILE)]);
		expect(without && "image" in toArticleInput(without)).toBe(false);
	});

	it("reports every problem of the image at once, each with its field", () => {
		expect(
			problemsOf(
				entry(FILE, {
					image: {
						url: "http://images.example.org/a.jpg",
						alt: "",
						width: "1200",
						height: 10_001,
						type: "image/svg+xml",
						length: 0,
					},
				}),
			),
		).toEqual([
			`${FILE}: image.url: expected an https URL: an http image is mixed content`,
			`${FILE}: image.alt: must not be empty`,
			`${FILE}: image.width: expected a whole number from 1 to 10000, got "1200"`,
			`${FILE}: image.height: expected a whole number from 1 to 10000, got 10001`,
			`${FILE}: image.type: expected one of image/jpeg, image/png, image/webp, image/gif, image/avif, got "image/svg+xml"`,
			`${FILE}: image.credit: expected a string, got nothing`,
			`${FILE}: image.length: expected a whole number from 1 to 100000000, got 0`,
		]);
	});

	it("rejects an image that is not an object", () => {
		expect(problemsOf(entry(FILE, { image: "https://images.example.org/a.jpg" }))).toEqual([
			`${FILE}: image: expected an object, got "https://images.example.org/a.jpg"`,
		]);
	});
});

describe("text that shows nothing", () => {
	const invisible = (codes: string) =>
		`has no visible character, only invisible ones (${codes}): write the text itself`;

	it.each([
		["a headline of zero-width characters only", "headline", "\u200B\u200D\u2060"],
		["a headline of a Braille blank and a Hangul filler", "headline", "\u2800\u3164"],
		["a summary of a soft hyphen", "summary", "\u00AD"],
	])("rejects %s, naming what it holds", (_label, field, text) => {
		const codes = [...text].map(
			(c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
		);
		expect(problemsOf(entry(FILE, { [field]: text }))).toEqual([
			`${FILE}: ${field}: ${invisible(codes.join(", "))}`,
		]);
	});

	it("rejects a paragraph of a zero-width space", () => {
		const body = [{ type: "paragraph", text: "\u200B" }, ...validInput.body.slice(1)];
		expect(problemsOf(entry(FILE, { body }))).toEqual([
			`${FILE}: body[0].text: ${invisible("U+200B")}`,
		]);
	});

	it("rejects a heading and a caption that are only combining marks or white space", () => {
		const body = [
			...validInput.body.slice(0, 1),
			{ type: "heading", text: "\u0301\u0302" },
			{ type: "mediaCaption", media: "image", caption: "\u3000\u200B", credit: "NOS" },
		];
		expect(problemsOf(entry(FILE, { body }))).toEqual([
			`${FILE}: body[1].text: ${invisible("U+0301, U+0302")}`,
			`${FILE}: body[2].caption: ${invisible("U+3000, U+200B")}`,
		]);
	});

	it("accepts text with invisible characters beside visible ones", () => {
		const headline = "Kabinet\u00AD\u200Bberaad \u2800 \u3164 x";
		expect(loadArticles([entry(FILE, { headline })])[0]?.headline).toBe(headline);
	});

	it.each([
		["U+2028 LINE SEPARATOR", "Twee\u2028regels"],
		["U+2029 PARAGRAPH SEPARATOR", "Twee\u2029regels"],
	])("rejects a headline broken by %s", (_name, headline) => {
		expect(problemsOf(entry(FILE, { headline }))).toEqual([
			`${FILE}: headline: must be a single line`,
		]);
	});

	it("rejects a headline broken by U+0085 NEXT LINE", () => {
		expect(problemsOf(entry(FILE, { headline: "Twee\u0085regels" }))).toEqual([
			`${FILE}: headline: contains a character XML 1.0 forbids (U+0085 at offset 4)`,
		]);
	});
});

describe("bidirectional embeddings and isolates (Trojan Source, CVE-2021-42574)", () => {
	const unbalanced = (why: string) =>
		`contains an unbalanced bidirectional control: ${why}; close each embedding or isolate on the same line, or remove it`;

	it.each([
		["\u202A", "U+202A LEFT-TO-RIGHT EMBEDDING", "U+202C POP DIRECTIONAL FORMATTING"],
		["\u202B", "U+202B RIGHT-TO-LEFT EMBEDDING", "U+202C POP DIRECTIONAL FORMATTING"],
		["\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE", "U+2069 POP DIRECTIONAL ISOLATE"],
		["\u2067", "U+2067 RIGHT-TO-LEFT ISOLATE", "U+2069 POP DIRECTIONAL ISOLATE"],
		["\u2068", "U+2068 FIRST STRONG ISOLATE", "U+2069 POP DIRECTIONAL ISOLATE"],
	])("rejects %j left open, naming the control that closes it", (control, name, closer) => {
		expect(problemsOf(entry(FILE, { headline: `Factuur ${control}fdp.exe` }))).toEqual([
			`${FILE}: headline: ${unbalanced(`${name} at offset 8 is never closed by ${closer}`)}`,
		]);
	});

	it("rejects a terminator that closes nothing", () => {
		expect(problemsOf(entry(FILE, { summary: "Kort \u2069 of \u202C" }))).toEqual([
			`${FILE}: summary: ${unbalanced("U+2069 POP DIRECTIONAL ISOLATE at offset 5 closes nothing")}`,
		]);
	});

	it("rejects an embedding and an isolate that cross", () => {
		expect(problemsOf(entry(FILE, { headline: "a \u2067b \u202Bc\u2069 d\u202C" }))).toEqual([
			`${FILE}: headline: ${unbalanced("U+2069 POP DIRECTIONAL ISOLATE at offset 7 does not close the innermost U+202B RIGHT-TO-LEFT EMBEDDING at offset 5")}`,
		]);
	});

	it("rejects an isolate left open across a line break of a paragraph", () => {
		const body = [{ type: "paragraph", text: "Een \u2067naam\nen\u2069 verder." }];
		expect(problemsOf(entry(FILE, { body }))).toEqual([
			`${FILE}: body[0].text: ${unbalanced("U+2067 RIGHT-TO-LEFT ISOLATE at offset 4 is still open at the line break at offset 9")}`,
		]);
	});

	it("accepts embeddings and isolates closed in the same field, nested or in sequence", () => {
		const headline =
			"Gesprek met \u2067\u05E9\u05DC\u05D5\u05DD\u2069 en \u202B\u0645\u0631\u062D\u0628\u0627 \u2066x\u2069\u202C";
		expect(loadArticles([entry(FILE, { headline })])[0]?.headline).toBe(headline);
	});
});

describe("combining marks", () => {
	const pileUp = (marks: number, offset: number) =>
		`stacks ${marks} combining marks on the character at offset ${offset}; at most 5 are allowed`;

	it("rejects one letter carrying 100 combining marks", () => {
		expect(problemsOf(entry(FILE, { headline: `Z${"\u0336".repeat(100)}algo` }))).toEqual([
			`${FILE}: headline: ${pileUp(100, 0)}`,
		]);
	});

	it("counts marks across joiners, which start no new character", () => {
		const headline = `Kop a${"\u0301\u200D".repeat(6)}`;
		expect(problemsOf(entry(FILE, { headline }))).toEqual([`${FILE}: headline: ${pileUp(6, 4)}`]);
	});

	it("accepts the marks real text stacks: Vietnamese, Burmese, pointed Hebrew (5), Hindi conjuncts", () => {
		const headline =
			"Vie\u0323\u0302t Nam, \u1019\u103C\u102D\u102F\u1037, \u05E9\u05BC\u05C1\u05B8\u0591\u05BD, \u0915\u093E\u0930\u094D\u0924\u094D\u0938\u094D\u0928\u094D\u092F";
		expect(loadArticles([entry(FILE, { headline })])[0]?.headline).toBe(headline);
	});
});
