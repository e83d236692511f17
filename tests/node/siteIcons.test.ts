/**
 * The icon files are generated (scripts/icons/generateIcons.ts) and committed to public/, the
 * static assets directory: running the generator again must give the same bytes, and public/ must
 * hold nothing else (a stray file there would answer in place of the Worker at its path).
 */
import { readdir, readFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { iconFiles, PUBLIC_DIRECTORY } from "../../scripts/icons/generateIcons";

describe("npm run icons (scripts/icons/generateIcons.ts)", () => {
	const generated = iconFiles();

	it("gives the committed files in public/, byte for byte", async () => {
		for (const [path, bytes] of generated) {
			const committed = await readFile(new URL(path, PUBLIC_DIRECTORY));
			expect(new Uint8Array(committed), path).toEqual(new Uint8Array(bytes));
		}
	});

	it("leaves public/ holding the icon files and their _headers only", async () => {
		const root = fileURLToPath(PUBLIC_DIRECTORY);
		const entries = await readdir(root, { recursive: true, withFileTypes: true });
		const files = entries
			.filter((entry) => entry.isFile())
			.map((entry) => relative(root, `${entry.parentPath}/${entry.name}`));
		expect(files.sort()).toEqual([...generated.keys(), "_headers"].sort());
	});
});
