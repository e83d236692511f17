import { describe, expect, it } from "vitest";
import { isNotModified, type Validators } from "../../src/http/conditionalGet";
import { formatHttpDate, parseHttpDate } from "../../src/http/httpDate";

const validators: Validators = {
	etag: '"abc123"',
	lastModifiedSeconds: Date.UTC(2023, 6, 1, 12, 0, 0) / 1000,
};

function notModified(headers: Record<string, string>, method = "GET"): boolean {
	return isNotModified(method, new Headers(headers), validators);
}

describe("HTTP dates (RFC 9110 §5.6.7)", () => {
	const instant = Date.UTC(1994, 10, 6, 8, 49, 37);

	it("sends IMF-fixdate", () => {
		expect(formatHttpDate(new Date(instant))).toBe("Sun, 06 Nov 1994 08:49:37 GMT");
	});

	it.each([
		["IMF-fixdate", "Sun, 06 Nov 1994 08:49:37 GMT"],
		["obsolete RFC 850", "Sunday, 06-Nov-94 08:49:37 GMT"],
		["asctime", "Sun Nov  6 08:49:37 1994"],
	])("accepts %s", (_format, text) => {
		expect(parseHttpDate(text)).toBe(instant);
	});

	it.each([
		"yesterday",
		"2023-07-01T12:00:00Z",
		"Sun, 06 Nov 1994 08:49:37 UTC",
		"Sun, 31 Feb 1994 08:49:37 GMT",
		"Sun, 06 Nov 1994 25:49:37 GMT",
		"",
	])("rejects %j", (text) => {
		expect(parseHttpDate(text)).toBeUndefined();
	});
});

describe("If-None-Match (RFC 9110 §13.1.2, weak comparison)", () => {
	it.each([
		['"abc123"'],
		['W/"abc123"'],
		['"other", "abc123"'],
		['"other","abc123"'],
		['W/"other" ,  W/"abc123"'],
		["*"],
	])("is satisfied by %s", (field) => {
		expect(notModified({ "If-None-Match": field })).toBe(true);
	});

	it.each([['"abc"'], ['"ABC123"'], ["abc123"], ['"abc123'], ["W/abc123"], [""]])(
		"is not satisfied by %s",
		(field) => {
			expect(notModified({ "If-None-Match": field })).toBe(false);
		},
	);

	it("takes precedence over If-Modified-Since, even when it does not match", () => {
		expect(
			notModified({
				"If-None-Match": '"other"',
				"If-Modified-Since": "Sat, 01 Jul 2023 12:00:00 GMT",
			}),
		).toBe(false);
	});
});

describe("If-Modified-Since (RFC 9110 §13.1.3)", () => {
	it("is satisfied at the same second and later", () => {
		expect(notModified({ "If-Modified-Since": "Sat, 01 Jul 2023 12:00:00 GMT" })).toBe(true);
		expect(notModified({ "If-Modified-Since": "Sat, 01 Jul 2023 12:00:01 GMT" })).toBe(true);
	});

	it("is not satisfied a second earlier", () => {
		expect(notModified({ "If-Modified-Since": "Sat, 01 Jul 2023 11:59:59 GMT" })).toBe(false);
	});

	it("is ignored when it is not a valid HTTP date", () => {
		expect(notModified({ "If-Modified-Since": "2099-01-01" })).toBe(false);
	});

	it("is ignored for methods other than GET and HEAD", () => {
		expect(notModified({ "If-Modified-Since": "Sat, 01 Jul 2023 12:00:00 GMT" }, "POST")).toBe(
			false,
		);
		expect(notModified({ "If-None-Match": "*" }, "POST")).toBe(false);
	});

	it("is used for HEAD", () => {
		expect(notModified({ "If-Modified-Since": "Sat, 01 Jul 2023 12:00:00 GMT" }, "HEAD")).toBe(
			true,
		);
	});

	it("is ignored when the representation has no Last-Modified", () => {
		const headers = new Headers({ "If-Modified-Since": "Sat, 01 Jul 2023 12:00:00 GMT" });
		expect(isNotModified("GET", headers, { etag: '"x"' })).toBe(false);
	});
});
