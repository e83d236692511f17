/**
 * The site as the design suite and `npm run screenshots` show it: the Worker under `wrangler dev`
 * with content/ and the reader corpus imported (one article withdrawn, one scheduled), and browser
 * contexts that answer the corpus's image URLs themselves, offline.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { type RunningWorker, runProjectCommand, startWorker } from "./processes";
import {
	IMAGE_ORIGIN,
	readerCorpus,
	scheduledArticle,
	WITHDRAWN_SLUG,
	withdrawnArticle,
} from "./readerCorpus";
import { drawScene, SCENES } from "./sceneImages";

/** The corpus, imported as an archive (NDJSON); one article withdrawn again. */
async function addReaderCorpus(state: string): Promise<void> {
	const dir = await mkdtemp(join(tmpdir(), "edgewire-design-"));
	try {
		const file = join(dir, "corpus.ndjson");
		const lines = [...readerCorpus, withdrawnArticle, scheduledArticle(new Date())];
		await writeFile(file, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
		await runProjectCommand("import", [file, "--persist-to", state]);
		await runProjectCommand("withdraw", [WITHDRAWN_SLUG, "--persist-to", state]);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** `wrangler dev` serving content/ and the reader corpus, with `vars` as its variables. */
export function startReaderSite(vars: Record<string, string> = {}): Promise<RunningWorker> {
	return startWorker(vars, addReaderCorpus);
}

const images = new Map(
	Object.entries(SCENES).map(([name, paint]) => [
		`${IMAGE_ORIGIN}/2026/${name}.png`,
		drawScene(paint),
	]),
);

/** Makes `context` answer the corpus's image URLs with the drawn scenes (404 for any other). */
export async function serveSceneImages(context: BrowserContext): Promise<void> {
	await context.route(`${IMAGE_ORIGIN}/**`, (route) => {
		const body = images.get(route.request().url());
		return body === undefined
			? route.fulfill({ status: 404 })
			: route.fulfill({ status: 200, contentType: "image/png", body });
	});
}
