/** Builds the production bundle exactly as `wrangler deploy` would, without uploading it. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Runs `wrangler deploy --dry-run --outdir outDir` in projectDir. Returns the bundle's path, its
 * size, and the gzip size both as wrangler reports it and as measured here (level 9, whole outdir
 * minus source maps, which are not uploaded by default).
 */
export interface Bundle {
	/** The Worker's entry module. */
	readonly bundle: string;
	readonly bytes: number;
	readonly gzipBytes: number;
	/** What wrangler reports, when it does. */
	readonly wranglerKiB: number | undefined;
	readonly wranglerGzipKiB: number | undefined;
}

export function buildBundle(projectDir: string, outDir: string): Bundle {
	const wrangler = join(projectDir, "node_modules/.bin/wrangler");
	const result = spawnSync(wrangler, ["deploy", "--dry-run", "--outdir", outDir], {
		cwd: projectDir,
		encoding: "utf8",
		env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "1" },
		maxBuffer: 64 * 1024 * 1024,
	});
	const output = `${result.stdout}\n${result.stderr}`;
	if (result.status !== 0) throw new Error(`wrangler dry-run failed in ${projectDir}:\n${output}`);
	const reported = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
	let bytes = 0;
	let gzipBytes = 0;
	for (const name of readdirSync(outDir)) {
		if (name.endsWith(".map") || name === "README.md") continue;
		const file = join(outDir, name);
		if (!statSync(file).isFile()) continue;
		const content = readFileSync(file);
		bytes += content.length;
		gzipBytes += gzipSync(content, { level: 9 }).length;
	}
	return {
		bundle: join(outDir, "index.js"),
		bytes,
		gzipBytes,
		wranglerKiB: reported ? Number(reported[1]) : undefined,
		wranglerGzipKiB: reported ? Number(reported[2]) : undefined,
	};
}
