/** The site's settings (content/site.ts and the deployment's variables), checked as content is. */
import { describe, expect, it } from "vitest";
import siteInput from "../content/site";
import { ContentError } from "../src/content/contentError";
import { resolveSite } from "../src/site/resolveSite";

const vars = { SITE_URL: "https://news.example.org" };

describe("timeZone", () => {
	it("takes an IANA zone in its canonical spelling", () => {
		expect(resolveSite({ ...siteInput, timeZone: "europe/amsterdam" }, vars).timeZone).toBe(
			"Europe/Amsterdam",
		);
	});

	it.each(["CEST", "Europe/Nowhere", ""])("refuses %j, naming the setting", (timeZone) => {
		expect(() => resolveSite({ ...siteInput, timeZone }, vars)).toThrow(ContentError);
		expect(() => resolveSite({ ...siteInput, timeZone }, vars)).toThrow(
			`content/site.ts: timeZone: expected an IANA time zone such as "Europe/Amsterdam", got ${JSON.stringify(timeZone)}`,
		);
	});
});
