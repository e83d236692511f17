/**
 * The pages as readers get them, proven in Debian's Chromium (playwright-core) against the Worker
 * under `wrangler dev`: every kind of page at 320, 390 and 1280 px wide, in the light and the dark
 * theme, fits its width (no horizontal scrolling, a 48-letter compound in the headlines included)
 * and gives axe-core no violation (search results' marks included: color-contrast); links, inputs
 * and buttons show a focus ring; the header holds the search form; and, served with their real
 * CSP, the pages load their stylesheet and images and nothing is blocked. Screenshots of every
 * case go to test-results/design/ for review (not under CI=true, where nobody looks at them; the
 * README's come from `npm run screenshots`).
 */
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/chromium";
import type { RunningWorker } from "./support/processes";
import {
	AUTHOR,
	COMPOUND,
	LEAD_SLUG,
	SCHEDULED_SLUG,
	SEARCH_COMPOUND,
	SEARCH_PAGED,
	SECTION,
	WITHDRAWN_SLUG,
} from "./support/readerCorpus";
import { serveSceneImages, startReaderSite } from "./support/readerSite";

const WIDTHS = [320, 390, 1280] as const;
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];
/** Tall enough for a phone held upright; a desktop window. */
const HEIGHTS: Record<(typeof WIDTHS)[number], number> = { 320: 640, 390: 844, 1280: 900 };
const PREVIEW_TOKEN = "e2e-design-preview-token-0123456789abcdef";
const REVIEW_DIR = join("test-results", "design");
/** Screenshots are for a person to look at: a CI run throws them away, so it takes none. */
const SCREENSHOTS = process.env.CI !== "true";

interface PageKind {
	readonly name: string;
	readonly path: string;
	readonly status: number;
	/** The 48-letter compound is in one of its headlines. */
	readonly compound: boolean;
	/** Needs the preview cookie. */
	readonly preview?: true;
}

const PAGES: readonly PageKind[] = [
	{ name: "front page", path: "/", status: 200, compound: true },
	{ name: "second page", path: "/page/2", status: 200, compound: false },
	{
		name: "article with a lead image",
		path: `/articles/${LEAD_SLUG}`,
		status: 200,
		compound: true,
	},
	{ name: "section page", path: `/tags/${SECTION}`, status: 200, compound: true },
	{ name: "author's page", path: `/authors/${AUTHOR.segment}`, status: 200, compound: true },
	{ name: "feeds page", path: "/feeds", status: 200, compound: false },
	{ name: "404 page", path: "/bestaat-niet", status: 404, compound: false },
	{ name: "410 page", path: `/articles/${WITHDRAWN_SLUG}`, status: 410, compound: false },
	{ name: "preview sign-in", path: "/preview", status: 200, compound: false },
	{
		name: "preview",
		path: `/preview/${SCHEDULED_SLUG}`,
		status: 200,
		compound: true,
		preview: true,
	},
	{ name: "embed view", path: `/articles/${LEAD_SLUG}/embed`, status: 200, compound: true },
	{
		name: "search results, page 1 of 2",
		path: `/search?q=${encodeURIComponent(SEARCH_PAGED)}`,
		status: 200,
		compound: false,
	},
	{
		name: "search results with the compound marked",
		path: `/search?q=${encodeURIComponent(SEARCH_COMPOUND)}`,
		status: 200,
		compound: true,
	},
];

const axeSource = await readFile(
	createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
	"utf8",
);
let worker: RunningWorker;
let browser: Browser;
/** For measuring and axe: CSP bypassed, so that axe can be injected into every page. */
let inspected: BrowserContext;

/** A browser context that answers the corpus's image URLs itself, signed in for previews. */
async function readerContext(options: { readonly bypassCSP: boolean }): Promise<BrowserContext> {
	const context = await browser.newContext({ ...options, viewport: { width: 390, height: 844 } });
	await serveSceneImages(context);
	// As an editor does: the sign-in form sets the preview cookie.
	const page = await context.newPage();
	await page.goto(`${worker.origin}/preview`);
	await page.getByLabel("Voorvertoningssleutel").fill(PREVIEW_TOKEN);
	await page.getByLabel("Slug van het artikel").fill(SCHEDULED_SLUG);
	await Promise.all([
		page.waitForURL(`${worker.origin}/preview/${SCHEDULED_SLUG}`),
		page.getByRole("button", { name: "Open voorvertoning" }).click(),
	]);
	await page.close();
	return context;
}

/** Waits until every image in view has settled, loaded or failed (lazy ones do not hold `load`). */
async function imagesInViewSettled(page: Page): Promise<void> {
	await page.waitForFunction(() =>
		[...document.images]
			.filter((img) => img.getBoundingClientRect().top < window.innerHeight)
			.every((img) => img.complete),
	);
}

/** Resizes `page` to `width` (and its height), with the images it then shows in view loaded. */
async function resize(page: Page, width: (typeof WIDTHS)[number]): Promise<void> {
	await page.setViewportSize({ width, height: HEIGHTS[width] });
	await imagesInViewSettled(page);
}

/** Opens `kind` at `width` in `theme`, with the images it shows in view loaded. */
async function open(
	context: BrowserContext,
	kind: PageKind,
	width: (typeof WIDTHS)[number],
	theme: Theme,
): Promise<Page> {
	const page = await context.newPage();
	await page.setViewportSize({ width, height: HEIGHTS[width] });
	await page.emulateMedia({ colorScheme: theme });
	const response = await page.goto(`${worker.origin}${kind.path}`);
	expect(response?.status()).toBe(kind.status);
	await imagesInViewSettled(page);
	return page;
}

/** How far the page is wider than its viewport, and every heading whose text is cut or spills. */
function measure(page: Page) {
	return page.evaluate(() => ({
		overflow: document.documentElement.scrollWidth - window.innerWidth,
		spilling: [...document.querySelectorAll("h1, h2, h3")]
			.filter((heading) => heading.scrollWidth > heading.clientWidth)
			// biome-ignore lint/performance/useDomNodeTextContent: what the reader sees is the point.
			.map((heading) => (heading as HTMLElement).innerText),
		// biome-ignore lint/performance/useDomNodeTextContent: what the reader sees is the point.
		text: document.body.innerText,
	}));
}

/** axe-core's violations on the page, one line each: rule, impact, where, and why. */
async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	// Every rule axe runs by default (WCAG 2.0-2.2 A and AA, best practices); only violations are
	// collected in detail.
	const results = await page.evaluate(() =>
		(window as unknown as { axe: { run(options: object): Promise<AxeResults> } }).axe.run({
			resultTypes: ["violations"],
		}),
	);
	return results.violations.flatMap((violation) =>
		violation.nodes.map(
			(node) =>
				`${violation.id} (${violation.impact}) at ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`,
		),
	);
}

/**
 * Tabs through the page and describes every focused element whose focus ring is missing, thinner
 * than 2 px, or under 3:1 against the background behind it (WCAG 2.4.7, 1.4.11).
 */
async function weakFocusRings(page: Page): Promise<{ focused: number; weak: string[] }> {
	const weak: string[] = [];
	let focused = 0;
	for (let i = 0; i < 400; i++) {
		await page.keyboard.press("Tab");
		const ring = await page.evaluate(() => {
			const element = document.activeElement;
			if (element === null || element === document.body) return undefined;
			const style = getComputedStyle(element);
			const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
			const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
				const linear = (c: number) => {
					const s = c / 255;
					return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
				};
				return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
			};
			let behind: Element | null = element.parentElement;
			let background = "rgb(255, 255, 255)";
			while (behind !== null) {
				const colour = getComputedStyle(behind).backgroundColor;
				if ((rgb(colour)[3] ?? 1) > 0) {
					background = colour;
					break;
				}
				behind = behind.parentElement;
			}
			const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
			return {
				key: `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}" ${element.getAttribute("href") ?? ""}`,
				style: style.outlineStyle,
				width: Number.parseFloat(style.outlineWidth),
				contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
			};
		});
		if (ring === undefined) break;
		focused++;
		if (ring.style === "none" || ring.width < 2 || ring.contrast < 3) {
			weak.push(`${ring.key}: ${ring.style} ${ring.width}px, ${ring.contrast.toFixed(2)}:1`);
		}
	}
	return { focused, weak };
}

// Starting wrangler dev on its own store, importing the corpus and starting Chromium: about 30 s,
// several times that on a loaded machine.
const SETUP_TIMEOUT = 300_000;

beforeAll(async () => {
	browser = await launchChromium();
	worker = await startReaderSite({ PREVIEW_TOKEN });
	inspected = await readerContext({ bypassCSP: true });
	await mkdir(REVIEW_DIR, { recursive: true });
}, SETUP_TIMEOUT);

afterAll(async () => {
	await browser?.close();
	await worker?.stop();
});

/** `[title, kind]` pairs, so that names read plainly in test titles ("the front page (/)"). */
const titled = (kinds: readonly PageKind[]) =>
	kinds.map((kind) => [`${kind.name} (${kind.path})`, kind] as const);

describe.each(titled(PAGES))("the %s", (_title, kind) => {
	// One page per theme, resized through the widths as a reader turns a phone or widens a window:
	// the same checks as a fresh load at each width, without loading it three times.
	it.each(THEMES)(
		`fits ${WIDTHS.join(", ")} px without scrolling sideways and passes axe-core at each, %s theme`,
		async (theme) => {
			const page = await open(inspected, kind, WIDTHS[0], theme);
			try {
				for (const width of WIDTHS) {
					await resize(page, width);
					const { overflow, spilling, text } = await measure(page);
					expect(text.includes(COMPOUND), "the 48-letter compound is on the page").toBe(
						kind.compound,
					);
					expect(overflow, `pixels the page is wider than ${width} px`).toBeLessThanOrEqual(0);
					expect(spilling, `headings wider than their box at ${width} px`).toEqual([]);
					if (SCREENSHOTS) {
						const name = `${kind.name.replace(/\W+/g, "-")}-${width}-${theme}.jpeg`;
						await page.screenshot({ path: join(REVIEW_DIR, name), fullPage: true, quality: 70 });
					}
					expect(await axeViolations(page), `axe-core at ${width} px`).toEqual([]);
				}
			} finally {
				await page.close();
			}
		},
	);
});

const FOCUS_PAGES = PAGES.filter((kind) =>
	[
		"front page",
		"article with a lead image",
		"preview sign-in",
		"search results, page 1 of 2",
	].includes(kind.name),
);

describe.each(titled(FOCUS_PAGES))("focus on the %s", (_title, kind) => {
	it.each(THEMES)("every link, input and button shows a focus ring, %s theme", async (theme) => {
		const page = await open(inspected, kind, 390, theme);
		try {
			const { focused, weak } = await weakFocusRings(page);
			expect(focused).toBeGreaterThan(2);
			expect(weak).toEqual([]);
		} finally {
			await page.close();
		}
	});
});

describe("the header with a search form", () => {
	// The front page's own checks above pass axe-core and measure it at every width and theme.
	const front = PAGES[0] as PageKind;
	it.each(WIDTHS)(
		"holds the search box and button at %i px, at most two rows high",
		async (width) => {
			const page = await open(inspected, front, width, "light");
			try {
				const search = page.locator(".site-header").getByRole("search");
				expect(await search.getByRole("searchbox", { name: "Zoeken" }).isVisible()).toBe(true);
				expect(await search.getByRole("button", { name: "Zoek" }).isVisible()).toBe(true);
				const header = await page.locator(".site-header").boundingBox();
				expect(header?.height, "the header stays at most two rows high").toBeLessThan(140);
				for (const theme of SCREENSHOTS ? THEMES : []) {
					await page.emulateMedia({ colorScheme: theme });
					await page.locator(".site-header").screenshot({
						path: join(REVIEW_DIR, `header-with-search-${width}-${theme}.jpeg`),
						quality: 70,
					});
				}
			} finally {
				await page.close();
			}
		},
	);
});

describe("as served, with each page's own CSP", () => {
	let served: BrowserContext;
	beforeAll(async () => {
		served = await readerContext({ bypassCSP: false });
	}, SETUP_TIMEOUT);

	it.each(titled(PAGES))(
		"the %s loads its stylesheet and images, and nothing is blocked",
		async (_title, kind) => {
			const errors: string[] = [];
			const page = await served.newPage();
			page.on("console", (message) => {
				// The error pages' own status is logged as a failed resource; nothing else may be.
				const own = message.text().includes(`status of ${kind.status}`) && kind.status !== 200;
				if (message.type() === "error" && !own) errors.push(message.text());
			});
			try {
				await page.emulateMedia({ colorScheme: "light" });
				const response = await page.goto(`${worker.origin}${kind.path}`);
				expect(response?.status()).toBe(kind.status);
				await page.waitForLoadState("load");
				// Lazy images in view do not hold back `load`: a blocked image must fail below, not a
				// slow one.
				await imagesInViewSettled(page);
				const looks = await page.evaluate(() => ({
					background: getComputedStyle(document.body).backgroundColor,
					images: [...document.images]
						.filter((img) => img.getBoundingClientRect().top < window.innerHeight)
						.map((img) => img.complete && img.naturalWidth > 0),
				}));
				// The stylesheet's light background: it loaded, under the page's CSP.
				expect(looks.background).toBe("rgb(251, 250, 247)");
				expect(looks.images.every(Boolean)).toBe(true);
				expect(errors).toEqual([]);
			} finally {
				await page.close();
			}
		},
	);

	it("the header's search form takes a reader from an article to its results, under the CSP's form-action", async () => {
		const page = await served.newPage();
		try {
			await page.goto(`${worker.origin}/articles/${LEAD_SLUG}`);
			const search = page.locator(".site-header").getByRole("search");
			await search.getByRole("searchbox", { name: "Zoeken" }).fill(SEARCH_PAGED);
			await Promise.all([
				page.waitForURL(`${worker.origin}/search?q=${SEARCH_PAGED}`),
				search.getByRole("button", { name: "Zoek" }).click(),
			]);
			expect(await page.locator(".ew-search-result").count()).toBe(20);
			expect(await page.locator(".ew-search-result mark").first().textContent()).toBe(SEARCH_PAGED);
			await expect
				.poll(() => page.getByRole("navigation", { name: "Paginering" }).isVisible())
				.toBe(true);
		} finally {
			await page.close();
		}
	});
});
