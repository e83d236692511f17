/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), field by field: required fields, types,
 * RFC 3339 dates, absolute URLs, and no unknown keys (extensions must start with `_`).
 * Returns every problem as `path: what is wrong`; an empty list means the feed conforms.
 */

import { canParseUrl } from "./canParseUrl";

type Json = unknown;
type FieldRule = (value: Json, path: string, problems: string[]) => void;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const string: FieldRule = (value, path, problems) => {
	if (typeof value !== "string") problems.push(`${path}: expected a string`);
};

const boolean: FieldRule = (value, path, problems) => {
	if (typeof value !== "boolean") problems.push(`${path}: expected a boolean`);
};

const number: FieldRule = (value, path, problems) => {
	if (typeof value !== "number" || !Number.isFinite(value))
		problems.push(`${path}: expected a number`);
};

/** The spec says "URL"; readers resolve nothing, so anything but absolute http(s) is a defect. */
const url: FieldRule = (value, path, problems) => {
	if (typeof value !== "string" || !canParseUrl(value)) {
		problems.push(`${path}: expected an absolute URL`);
		return;
	}
	const { protocol } = new URL(value);
	if (protocol !== "http:" && protocol !== "https:") {
		problems.push(`${path}: expected an http(s) URL, got ${protocol}`);
	}
};

const date: FieldRule = (value, path, problems) => {
	if (typeof value !== "string" || !RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
		problems.push(`${path}: expected an RFC 3339 date-time, got ${JSON.stringify(value)}`);
	}
};

function arrayOf(rule: FieldRule): FieldRule {
	return (value, path, problems) => {
		if (!Array.isArray(value)) {
			problems.push(`${path}: expected an array`);
			return;
		}
		value.forEach((element, i) => {
			rule(element, `${path}[${i}]`, problems);
		});
	};
}

function object(
	fields: Record<string, FieldRule>,
	required: readonly string[],
	extra?: (value: Record<string, Json>, path: string, problems: string[]) => void,
): FieldRule {
	return (value, path, problems) => {
		if (typeof value !== "object" || value === null || Array.isArray(value)) {
			problems.push(`${path}: expected an object`);
			return;
		}
		const record = value as Record<string, Json>;
		for (const key of required) {
			if (!(key in record)) problems.push(`${path}.${key}: required`);
		}
		for (const [key, fieldValue] of Object.entries(record)) {
			const rule = fields[key];
			if (rule !== undefined) rule(fieldValue, `${path}.${key}`, problems);
			else if (!key.startsWith("_")) problems.push(`${path}.${key}: not a JSON Feed 1.1 field`);
		}
		extra?.(record, path, problems);
	};
}

const author = object({ name: string, url, avatar: url }, [], (record, path, problems) => {
	if (!("name" in record) && !("url" in record) && !("avatar" in record)) {
		problems.push(`${path}: an author needs at least one of name, url, avatar`);
	}
});

const attachment = object(
	{
		url,
		mime_type: string,
		title: string,
		size_in_bytes: number,
		duration_in_seconds: number,
	},
	["url", "mime_type"],
);

const item = object(
	{
		id: string,
		url,
		external_url: url,
		title: string,
		content_html: string,
		content_text: string,
		summary: string,
		image: url,
		banner_image: url,
		date_published: date,
		date_modified: date,
		authors: arrayOf(author),
		// 1.1 §items: `author` is 1.0's; a publisher may keep it beside `authors` for older readers.
		author,
		tags: arrayOf(string),
		language: string,
		attachments: arrayOf(attachment),
	},
	["id"],
	(record, path, problems) => {
		if (!("content_html" in record) && !("content_text" in record)) {
			problems.push(`${path}: needs content_html or content_text`);
		}
	},
);

const feed = object(
	{
		version: (value, path, problems) => {
			if (value !== "https://jsonfeed.org/version/1.1")
				problems.push(`${path}: expected "https://jsonfeed.org/version/1.1"`);
		},
		title: string,
		home_page_url: url,
		feed_url: url,
		description: string,
		user_comment: string,
		next_url: url,
		icon: url,
		favicon: url,
		authors: arrayOf(author),
		language: string,
		expired: boolean,
		hubs: arrayOf(object({ type: string, url }, ["type", "url"])),
		items: arrayOf(item),
	},
	["version", "title", "items"],
);

/** Every way `value` departs from JSON Feed 1.1; empty when it conforms. */
export function jsonFeedProblems(value: unknown): string[] {
	const problems: string[] = [];
	feed(value, "feed", problems);
	return problems;
}
