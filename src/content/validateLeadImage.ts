import { IMAGE_TYPES, type LeadImageInput } from "./articleSchema";
import { shown } from "./describeValue";
import type { FieldChecker } from "./fieldChecks";

const IMAGE_FIELDS = ["url", "alt", "width", "height", "type", "credit", "length"] as const;

/** Longer URLs are cut by some clients and caches (2,048 is the common floor). */
export const IMAGE_URL_MAX = 2_048;
/** Wider or taller is no photograph a page shows (and no typo of one). */
export const IMAGE_DIMENSION_MAX = 10_000;
/** 100 MB: larger is no image an article carries. */
export const IMAGE_LENGTH_MAX = 100_000_000;
export const IMAGE_ALT_MAX = 300;
export const IMAGE_CREDIT_MAX = 100;

/**
 * Checks an article's `image`. Every problem is recorded in `check`; the image is returned only
 * when all of it is right.
 */
export function validateLeadImage(value: unknown, check: FieldChecker): LeadImageInput | undefined {
	const raw = check.object(value, "image");
	if (raw === undefined) return undefined;
	check.knownKeys(raw, "image", IMAGE_FIELDS);
	const url = imageUrl(raw.url, check);
	// Shown in place of the image, and as media:description: plain text a reader cannot take for HTML.
	const alt = check.plainLine(raw.alt, "image.alt", IMAGE_ALT_MAX);
	const width = check.wholeNumber(raw.width, "image.width", 1, IMAGE_DIMENSION_MAX);
	const height = check.wholeNumber(raw.height, "image.height", 1, IMAGE_DIMENSION_MAX);
	const type = IMAGE_TYPES.find((known) => known === raw.type);
	if (type === undefined) {
		check.report("image.type", `expected one of ${IMAGE_TYPES.join(", ")}, got ${shown(raw.type)}`);
	}
	const credit = check.text(raw.credit, "image.credit", { maxLength: IMAGE_CREDIT_MAX });
	// Without it RSS says length="0", the RSS Advisory Board's value for "unknown".
	const length =
		raw.length === undefined
			? undefined
			: check.wholeNumber(raw.length, "image.length", 1, IMAGE_LENGTH_MAX);
	if (!url || !alt || !width || !height || !type || !credit) return undefined;
	if (raw.length !== undefined && length === undefined) return undefined;
	return { url, alt, width, height, type, credit, ...(length !== undefined && { length }) };
}

/**
 * https only: pages are served over https, where an http image is blocked or flagged as mixed
 * content, and RSS/Atom readers fetch it from wherever they show it. Never credentials.
 */
function imageUrl(value: unknown, check: FieldChecker): string | undefined {
	const url = check.httpUrl(value, "image.url");
	if (url === undefined) return undefined;
	if (!url.startsWith("https:")) {
		return check.report("image.url", "expected an https URL: an http image is mixed content");
	}
	if (url.length > IMAGE_URL_MAX) {
		return check.report("image.url", `must be at most ${IMAGE_URL_MAX} characters`);
	}
	return url;
}
