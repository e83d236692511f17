import { describe, expect, it } from "vitest";
import { fetchPath } from "../support/http";

describe("smoke", () => {
	it("searches", async () => {
		for (const q of ["asiel", "kabinet*", '"het kabinet"', "Rutte", "zzz", ""]) {
			const r = await fetchPath(`/search.json?q=${encodeURIComponent(q)}`);
			console.log(q, r.status, (await r.text()).slice(0, 600));
		}
		const page = await fetchPath("/search?q=asiel");
		console.log(page.status, [...page.headers], (await page.text()).slice(0, 3000));
		const os = await fetchPath("/opensearch.xml");
		console.log(os.status, [...os.headers], await os.text());
		expect(1).toBe(1);
	});
});
