/**
 * The README's screenshots, taken from the real Worker: `wrangler dev` serving content/ and the
 * design suite's reader corpus (tests/e2e/support/readerSite.ts), shown in Debian's Chromium
 * through playwright-core (never a downloaded browser), light theme. The front page and the seed's
 * NOS article, each on a phone (390 × 844) and a desktop (1280 × 900), clipped to the viewport:
 * docs/screenshots/<page>-<width>.png, each under MAX_BYTES.
 *
 *   npm run screenshots   (needs: apt-get install -y chromium; CHROMIUM_PATH to use another)
 *
 * Exit status: 0 when every screenshot was written within its size, 1 otherwise.
 */
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import seedArticle from "../content/articles/2023-07-kabinetsberaad-over-asiel";
import { sitePaths } from "../src/site/siteUrls";
import { launchChromium } from "../tests/e2e/support/chromium";
import { serveSceneImages, startReaderSite } from "../tests/e2e/support/readerSite";

const OUTPUT = join("docs", "screenshots");
/** A README should load fast: a screenshot larger than this is a mistake (a full-page shot...). */
const MAX_BYTES = 300 * 1024;

const PAGES = [
	{ name: "front-page", path: sitePaths.home },
	{ name: "article", path: sitePaths.article(seedArticle.slug) },
] as const;
const VIEWPORTS = [
	{ width: 390, height: 844 },
	{ width: 1280, height: 900 },
] as const;

await mkdir(OUTPUT, { recursive: true });
const browser = await launchChromium();
let failed = false;
try {
	const worker = await startReaderSite();
	try {
		for (const viewport of VIEWPORTS) {
			const context = await browser.newContext({ viewport, colorScheme: "light" });
			await serveSceneImages(context);
			for (const { name, path } of PAGES) {
				const page = await context.newPage();
				const response = await page.goto(`${worker.origin}${path}`);
				if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
				// Lazy images in view are requested after layout: wait until nothing is loading.
				await page.waitForLoadState("networkidle");
				const file = join(OUTPUT, `${name}-${viewport.width}.png`);
				await page.screenshot({ path: file });
				await page.close();
				const { size } = await stat(file);
				const fits = size <= MAX_BYTES;
				failed ||= !fits;
				console.log(
					`${fits ? "wrote" : "TOO LARGE"}  ${file}  ${Math.round(size / 1024)} KiB${fits ? "" : ` (at most ${MAX_BYTES / 1024})`}`,
				);
			}
			await context.close();
		}
	} finally {
		await worker.stop();
	}
} finally {
	await browser.close();
}
process.exitCode = failed ? 1 : 0;
