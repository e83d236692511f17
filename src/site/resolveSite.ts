import { ContentError } from "../content/contentError";
import { FieldChecker } from "../content/fieldChecks";
import { checkHttpUrl } from "../content/httpUrl";
import type { Site, SiteInput } from "./siteSchema";

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const TAG_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * Validates the site settings together with the deployment's variables. Throws a ContentError
 * naming the setting (`wrangler.toml: SITE_URL: ...`) so an operator knows what to fix.
 */
export function resolveSite(
	input: SiteInput,
	vars: { readonly SITE_URL?: unknown; readonly WEBSUB_HUB?: unknown },
): Site {
	const check = new FieldChecker("content/site.ts");
	const title = check.text(input.title, "title", { maxLength: 100 });
	const description = check.text(input.description, "description", { maxLength: 500 });
	const language = check.language(input.language, "language");
	const timeZone = check.timeZone(input.timeZone, "timeZone");
	if (!DOMAIN.test(input.idAuthority)) {
		check.report(
			"idAuthority",
			`expected a lower-case domain name, got ${JSON.stringify(input.idAuthority)}`,
		);
	}
	if (!TAG_DATE.test(input.idDate)) {
		check.report(
			"idDate",
			`expected YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(input.idDate)}`,
		);
	}
	if (!Number.isInteger(input.feedSize) || input.feedSize < 1 || input.feedSize > 500) {
		check.report("feedSize", `expected a whole number from 1 to 500, got ${input.feedSize}`);
	}
	if (!Number.isInteger(input.pageSize) || input.pageSize < 1 || input.pageSize > 100) {
		check.report("pageSize", `expected a whole number from 1 to 100, got ${input.pageSize}`);
	}
	// Every article must be in the current feed or in a full archive page: the newest, not yet
	// full page (fewer than archivePageSize articles) must fit in the feed (RFC 5005 §4).
	const { archivePageSize } = input;
	if (
		!Number.isInteger(archivePageSize) ||
		archivePageSize < 1 ||
		archivePageSize > input.feedSize
	) {
		check.report(
			"archivePageSize",
			`expected a whole number from 1 to feedSize (${input.feedSize}), got ${archivePageSize}`,
		);
	}
	const vars_ = new FieldChecker("wrangler.toml [vars]");
	const origin = siteOrigin(vars.SITE_URL, vars_);
	const hub =
		vars.WEBSUB_HUB === undefined || vars.WEBSUB_HUB === ""
			? undefined
			: vars_.httpUrl(vars.WEBSUB_HUB, "WEBSUB_HUB");
	const problems = [...check.problems, ...vars_.problems];
	if (problems.length > 0 || !title || !description || !language || !timeZone || !origin) {
		throw new ContentError(problems);
	}
	return {
		title,
		description,
		language,
		timeZone,
		idAuthority: input.idAuthority,
		idDate: input.idDate,
		feedSize: input.feedSize,
		pageSize: input.pageSize,
		archivePageSize,
		origin,
		...(hub && { websubHub: hub }),
	};
}

function siteOrigin(value: unknown, check: FieldChecker): string | undefined {
	const url = checkHttpUrl(value);
	if (!url.ok) return check.report("SITE_URL", url.problems.join("; "));
	const { pathname, search, hash, href, origin } = url.value;
	if (pathname !== "/" || search !== "" || hash !== "") {
		return check.report(
			"SITE_URL",
			`expected an origin such as https://news.example.org, got ${href}`,
		);
	}
	return origin;
}
