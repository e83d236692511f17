/** The browser of the end-to-end suites and `npm run screenshots`: Debian's Chromium. */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
];

/** Debian's Chromium (or CHROMIUM_PATH) through playwright-core, never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
		);
	}
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}
