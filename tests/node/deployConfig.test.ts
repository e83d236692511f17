/**
 * wrangler.toml keeps the deployment's settings apart from local development's: wrangler does not
 * inherit variables and bindings into an environment, so [env.production] must carry its own, or
 * the deployed Worker would run without a store, without version metadata, or with the laptop's
 * SITE_URL.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";

const configPath = fileURLToPath(new URL("../../wrangler.toml", import.meta.url));
const local = unstable_readConfig({ config: configPath });
const production = unstable_readConfig({ config: configPath, env: "production" });

describe("wrangler.toml", () => {
	it("serves local development on localhost", () => {
		expect(local.vars.SITE_URL).toBe("http://localhost:8787");
	});

	it("gives the deployment its own origin, under the same Worker name", () => {
		expect(production.vars.SITE_URL).not.toBe(local.vars.SITE_URL);
		expect(new URL(String(production.vars.SITE_URL)).protocol).toBe("https:");
		expect(production.name).toBe(local.name);
	});

	it("gives the deployment every binding the Worker reads", () => {
		expect(
			production.d1_databases.map((d1: { binding: string; migrations_dir?: string }) => [
				d1.binding,
				d1.migrations_dir,
			]),
		).toEqual([["DB", "migrations"]]);
		expect(production.version_metadata?.binding).toBe("CF_VERSION_METADATA");
		expect(production.assets?.binding).toBe("ASSETS");
		expect(production.triggers.crons).toEqual(local.triggers.crons);
		expect(production.compatibility_flags).toEqual(local.compatibility_flags);
	});
});
