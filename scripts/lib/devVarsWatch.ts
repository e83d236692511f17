/**
 * Tells `npm run dev` when the Worker's local variables change. wrangler dev (4.86) reads
 * .dev.vars once, when it starts (and again only when wrangler.toml changes): a PREVIEW_TOKEN
 * set or changed there would not reach the running Worker. So the folder is watched for
 * `.dev.vars` (and `.dev.vars.<env>`) being written, created, replaced or removed.
 */
import { type FSWatcher, watch } from "node:fs";

/** Files wrangler dev reads the local variables from. */
const DEV_VARS_FILE = /^\.dev\.vars(?:\..+)?$/;

/** Editors write a file in several steps (truncate, write, rename): one change is reported once. */
const SETTLE_MS = 300;

/**
 * Calls `onChange` when the variables `read` returns differ from those it returned last, checked
 * SETTLE_MS after a .dev.vars file in `folder` was touched (saving a file unchanged is no change).
 * Returns how to stop watching.
 */
export function watchDevVars(folder: string, read: () => string, onChange: () => void): () => void {
	let last = read();
	let timer: NodeJS.Timeout | undefined;
	const settled = () => {
		timer = undefined;
		const now = read();
		if (now === last) return;
		last = now;
		onChange();
	};
	const watcher: FSWatcher = watch(folder, { persistent: false }, (_event, name) => {
		if (name !== null && !DEV_VARS_FILE.test(name)) return;
		clearTimeout(timer);
		timer = setTimeout(settled, SETTLE_MS);
	});
	// A folder that cannot be watched any more (removed, out of inotify watches) ends the watch,
	// never the server.
	watcher.on("error", () => watcher.close());
	return () => {
		clearTimeout(timer);
		watcher.close();
	};
}
