/**
 * Embedding proven in a real browser: Debian's Chromium (driven by playwright-core) opens a
 * partner page on another origin that embeds an article by fetch() and by oEmbed, against the
 * Worker running under `wrangler dev`. Needs `apt-get install -y chromium`; run with
 * `npm run test:e2e`.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { Browser, Frame, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readContentFiles } from "../../src/commands/contentFiles";
import { formatDutchDate } from "../../src/content/dutchDate";
import { loadArticles } from "../../src/content/loadContent";
import { attr, elementsByTag, parseHtmlDocument } from "../support/parseHtml";
import { seedParagraphs } from "../support/seed";
import { launchChromium } from "./support/chromium";
import { type PartnerSite, startPartnerSite } from "./support/partnerSite";
import { type RunningWorker, startWorker } from "./support/processes";

const SCREENSHOT = "test-results/e2e-partner.png";
const [article] = loadArticles((await readContentFiles()).entries);
if (article === undefined) throw new Error("no article to embed");
const date = formatDutchDate(article.published);
const firstParagraph = seedParagraphs[0] ?? "";

let worker: RunningWorker;
let partner: PartnerSite;
let browser: Browser;
/** The partner page as a reader opens it, with every console error and CSP violation recorded. */
let reader: Page;
const consoleErrors: string[] = [];

/** The oEmbed endpoint as a consumer finds it: the article page's discovery link. */
async function discoverOEmbed(articleUrl: string): Promise<string> {
	const html = await (await fetch(articleUrl)).text();
	const link = elementsByTag(parseHtmlDocument(html), "link").find(
		(element) => attr(element, "type") === "application/json+oembed",
	);
	const href = link && attr(link, "href");
	if (href === undefined) throw new Error(`no oEmbed discovery link on ${articleUrl}`);
	return href;
}

async function openPartnerPage(): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
	await page.goto(`${partner.origin}/`);
	await page.waitForFunction(() => document.body.dataset.embedded !== undefined);
	return page;
}

/** Text as rendered (innerText follows CSS), of an element that must be visible. */
async function visibleText(locator: Locator): Promise<string> {
	expect(await locator.isVisible()).toBe(true);
	// biome-ignore lint/performance/useDomNodeTextContent: what the reader sees is the point here.
	return (await locator.innerText()).replace(/\s+/g, " ").trim();
}

/** The document inside the oEmbed iframe, once it shows the article. */
async function embedFrame(page: Page): Promise<Frame> {
	const iframe = page.locator("#oembed-slot iframe");
	// The iframe loads lazily: bring it into view as a reader scrolling down would.
	await iframe.scrollIntoViewIfNeeded();
	const frame = await (await iframe.elementHandle())?.contentFrame();
	if (frame === null || frame === undefined) throw new Error("the oEmbed iframe has no frame");
	await frame.locator("article h1").waitFor({ state: "visible" });
	return frame;
}

beforeAll(async () => {
	browser = await launchChromium();
	worker = await startWorker();
	const articleUrl = `${worker.origin}/articles/${article.slug}`;
	partner = await startPartnerSite({
		edgewire: worker.origin,
		fragmentUrl: `${articleUrl}/fragment`,
		oembedUrl: await discoverOEmbed(articleUrl),
	});
	reader = await browser.newPage({ viewport: { width: 1000, height: 900 } });
	// Console messages of every frame, the sandboxed embed's included; Chromium logs CSP blocks here.
	reader.on("console", (message) => {
		if (message.type() === "error") consoleErrors.push(message.text());
	});
	reader.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
	await reader.goto(`${partner.origin}/`);
	await reader.waitForFunction(() => document.body.dataset.embedded !== undefined);
});

afterAll(async () => {
	await browser?.close();
	await partner?.stop();
	await worker?.stop();
});

describe("a partner page on another origin", () => {
	it("embeds the article both ways without failing", async () => {
		expect(await reader.evaluate(() => document.body.dataset.embedded)).toBe("yes");
		expect(new URL(reader.url()).origin).not.toBe(worker.origin);
	});

	it("(a) shows the fetched fragment: headline, article text, NOS credit and date", async () => {
		const fragment = reader.locator("#fragment-slot article");
		const text = await visibleText(fragment);
		expect(text).toContain(article.headline);
		expect(text).toContain(firstParagraph);
		expect(text).toContain("Bron: NOS");
		const time = fragment.locator("header time");
		expect(await visibleText(time)).toBe(date);
		expect(await time.getAttribute("datetime")).toBe(article.published.text);
	});

	it("(b) shows the article inside the oEmbed iframe: text, NOS credit and date", async () => {
		const frame = await embedFrame(reader);
		expect(frame.url()).toBe(`${worker.origin}/articles/${article.slug}/embed`);
		const box = await reader.locator("#oembed-slot iframe").boundingBox();
		expect(box !== null && box.width > 0 && box.height > 0).toBe(true);
		const text = await visibleText(frame.locator("article"));
		expect(text).toContain(article.headline);
		expect(text).toContain(firstParagraph);
		expect(text).toContain("Bron: NOS");
		expect(await visibleText(frame.locator("article header time"))).toBe(date);
		expect(await visibleText(reader.locator("#oembed-slot blockquote"))).toContain("Bron: NOS");
	});

	it("(b) styles the embed with Edgewire's stylesheet despite the sandbox", async () => {
		const frame = await embedFrame(reader);
		const maxWidth = await frame
			.locator("body")
			.evaluate((body) => getComputedStyle(body).maxWidth);
		expect(maxWidth).not.toBe("none");
	});

	it("reports no console errors and no CSP violations, and saves a screenshot", async () => {
		await embedFrame(reader);
		await mkdir("test-results", { recursive: true });
		await reader.screenshot({ path: SCREENSHOT, fullPage: true });
		expect(existsSync(SCREENSHOT)).toBe(true);
		const violations = await reader.evaluate(
			() => (window as unknown as { violations: string[] }).violations,
		);
		expect(violations).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it("the article page itself, with its JSON-LD block, loads without a CSP violation", async () => {
		const page = await browser.newPage();
		const errors: string[] = [];
		page.on("console", (message) => {
			if (message.type() === "error") errors.push(message.text());
		});
		// Registered by the DevTools protocol before any of the page loads, past the page's CSP.
		await page.addInitScript(() => {
			const seen: string[] = [];
			(window as unknown as { violations: string[] }).violations = seen;
			document.addEventListener("securitypolicyviolation", (event) => {
				seen.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
			});
		});
		const response = await page.goto(`${worker.origin}/articles/${article.slug}`);
		expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
		await page.waitForLoadState("load");
		const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
		expect(JSON.parse(jsonLd ?? "{}")).toMatchObject({ "@type": "NewsArticle" });
		const violations = await page.evaluate(
			() => (window as unknown as { violations: string[] }).violations,
		);
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
	});

	it("(b) opens a link from the embed in a new tab, outside the sandbox", async () => {
		// A page of its own: when Playwright attaches to the new tab, Chromium logs "Blocked script
		// execution" for Playwright's probes of the sandboxed frame (the sandbox working). A reader's
		// console never shows that, so it stays out of the assertion above.
		const page = await openPartnerPage();
		const link = (await embedFrame(page)).locator("a.ew-canonical");
		await link.scrollIntoViewIfNeeded();
		const box = await link.boundingBox();
		if (box === null) throw new Error("the embed's article link is not rendered");
		// A reader's click at the link's place.
		const [tab] = await Promise.all([
			page.context().waitForEvent("page"),
			page.mouse.click(box.x + box.width / 2, box.y + box.height / 2),
		]);
		await tab.waitForLoadState("domcontentloaded");
		expect(tab.url()).toBe(`${worker.origin}/articles/${article.slug}`);
		expect(await visibleText(tab.locator("h1"))).toBe(article.headline);
	});
});
