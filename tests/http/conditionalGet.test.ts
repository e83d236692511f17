import { describe, expect, it } from "vitest";
import {
	evaluatePreconditions,
	type PreconditionOutcome,
	type Validators,
} from "../../src/http/conditionalGet";
import { formatHttpDate, parseHttpDate } from "../../src/http/httpDate";

const validators: Validators = {
	etag: '"abc123"',
	lastModifiedSeconds: Date.UTC(2023, 6, 1, 12, 0, 0) / 1000,
};

function outcome(headers: Record<string, string>, method = "GET"): PreconditionOutcome {
	return evaluatePreconditions(method, new Headers(headers), validators);
}

function notModified(headers: Record<string, string>, method = "GET"): boolean {
	return outcome(headers, method) === "not-modified";
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

	it("is ignored for methods other than GET and HEAD, where a matching If-None-Match is a 412", () => {
		expect(outcome({ "If-Modified-Since": "Sat, 01 Jul 2023 12:00:00 GMT" }, "POST")).toBe(
			"proceed",
		);
		expect(outcome({ "If-None-Match": "*" }, "POST")).toBe("precondition-failed");
	});

	it("is used for HEAD", () => {
		expect(notModified({ "If-Modified-Since": "Sat, 01 Jul 2023 12:00:00 GMT" }, "HEAD")).toBe(
			true,
		);
	});

	it("is ignored when the representation has no Last-Modified", () => {
		const headers = new Headers({ "If-Modified-Since": "Sat, 01 Jul 2023 12:00:00 GMT" });
		expect(evaluatePreconditions("GET", headers, { etag: '"x"' })).toBe("proceed");
	});
});

describe("If-Match (RFC 9110 §13.1.1, strong comparison)", () => {
	it.each([['"abc123"'], ['"other", "abc123"'], ['"other","abc123"'], ["*"], [" * "]])(
		"lets the request proceed for %s",
		(field) => {
			expect(outcome({ "If-Match": field })).toBe("proceed");
		},
	);

	it.each([
		['"zzz"'],
		['W/"abc123"'],
		['"other", W/"abc123"'],
		['"ABC123"'],
		["abc123"],
		['"abc123'],
		[""],
	])("fails with 412 for %s", (field) => {
		expect(outcome({ "If-Match": field })).toBe("precondition-failed");
	});

	it("is evaluated before If-None-Match: a failed If-Match is 412 even when If-None-Match matches", () => {
		expect(outcome({ "If-Match": '"zzz"', "If-None-Match": '"abc123"' })).toBe(
			"precondition-failed",
		);
	});

	it("leaves If-None-Match to decide when it holds", () => {
		expect(outcome({ "If-Match": '"abc123"', "If-None-Match": '"abc123"' })).toBe("not-modified");
		expect(outcome({ "If-Match": "*", "If-None-Match": '"other"' })).toBe("proceed");
	});

	it("applies to HEAD as to GET", () => {
		expect(outcome({ "If-Match": '"zzz"' }, "HEAD")).toBe("precondition-failed");
	});
});

describe("If-Unmodified-Since (RFC 9110 §13.1.4)", () => {
	it("lets the request proceed at the same second and later", () => {
		expect(outcome({ "If-Unmodified-Since": "Sat, 01 Jul 2023 12:00:00 GMT" })).toBe("proceed");
		expect(outcome({ "If-Unmodified-Since": "Sunday, 02-Jul-23 12:00:00 GMT" })).toBe("proceed");
	});

	it("fails with 412 when the representation changed after the date", () => {
		expect(outcome({ "If-Unmodified-Since": "Sat, 01 Jul 2023 11:59:59 GMT" })).toBe(
			"precondition-failed",
		);
		expect(outcome({ "If-Unmodified-Since": "Thu, 01 Jan 1970 00:00:00 GMT" })).toBe(
			"precondition-failed",
		);
	});

	it("is ignored when it is not a valid HTTP date", () => {
		for (const field of ["0", "1970-01-01", "Thu, 31 Feb 1970 00:00:00 GMT", ""]) {
			expect(outcome({ "If-Unmodified-Since": field }), field).toBe("proceed");
		}
	});

	it("is ignored when If-Match is present (§13.2.2 step 2)", () => {
		expect(
			outcome({ "If-Match": '"abc123"', "If-Unmodified-Since": "Thu, 01 Jan 1970 00:00:00 GMT" }),
		).toBe("proceed");
	});

	it("is ignored when the representation has no Last-Modified", () => {
		const headers = new Headers({ "If-Unmodified-Since": "Thu, 01 Jan 1970 00:00:00 GMT" });
		expect(evaluatePreconditions("GET", headers, { etag: '"x"' })).toBe("proceed");
	});

	it("is evaluated before If-None-Match and If-Modified-Since", () => {
		const stale = "Thu, 01 Jan 1970 00:00:00 GMT";
		expect(outcome({ "If-Unmodified-Since": stale, "If-None-Match": '"abc123"' })).toBe(
			"precondition-failed",
		);
		expect(
			outcome({
				"If-Unmodified-Since": stale,
				"If-Modified-Since": "Sat, 01 Jul 2023 12:00:00 GMT",
			}),
		).toBe("precondition-failed");
	});
});
