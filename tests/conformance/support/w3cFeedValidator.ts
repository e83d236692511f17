/**
 * The W3C Feed Validation Service (github.com/w3c/feedvalidator, Python), when one is installed:
 * `W3C_FEED_VALIDATOR` names a command that takes `<file> --base <url>` and exits 0 only when the
 * feed gives no error and no warning, such as the offline copy's `validate-feed`. It is not part
 * of `npm test`'s set-up (Python and its libraries), so without the variable the check is skipped.
 *
 * @example
 * W3C_FEED_VALIDATOR=/work/tools/validate-feed npx vitest run --project conformance
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const W3C_FEED_VALIDATOR: string | undefined = process.env.W3C_FEED_VALIDATOR || undefined;

/**
 * What the validator reports for `body`, served at `selfUrl` (its rel="self" must match): every
 * error and warning line, or an empty list when it exits 0.
 */
export async function w3cFeedProblems(
	command: string,
	body: string,
	selfUrl: string,
): Promise<string[]> {
	const folder = await mkdtemp(join(tmpdir(), "edgewire-w3c-"));
	const file = join(folder, "feed.xml");
	try {
		await writeFile(file, body);
		return await new Promise<string[]>((resolve, reject) => {
			execFile(command, [file, "--base", selfUrl, "--quiet"], (error, stdout, stderr) => {
				if (error === null) resolve([]);
				else if (typeof error.code === "number" && error.code === 1) {
					resolve(`${stdout}${stderr}`.split("\n").filter((line) => line.trim() !== ""));
				} else reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
			});
		});
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}
