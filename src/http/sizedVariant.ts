/**
 * Answers for a variant of a prepared response that differs only by parameters known from the
 * request (oEmbed's maxwidth/maxheight). The variant's body is a pure function of the prepared
 * content and those parameters, so its strong ETag is the prepared one plus the parameters: no
 * hashing per request, and RFC 9110 §8.8.3 holds (different bytes, different tag).
 */
import { evaluatePreconditions } from "./conditionalGet";
import { preconditionFailed } from "./errorResponses";
import type { PreparedResponse } from "./preparedResponse";

export function answerVariant(
	prepared: PreparedResponse,
	variant: string,
	renderBody: () => string,
	request: Request,
): Response {
	const etag = `"${prepared.validators.etag.slice(1, -1)}-${variant}"`;
	const validators = { ...prepared.validators, etag };
	const outcome = evaluatePreconditions(request.method, request.headers, validators);
	if (outcome === "precondition-failed") return preconditionFailed();
	if (outcome === "not-modified") {
		const headers = new Headers(prepared.notModifiedHeaders);
		headers.set("ETag", etag);
		return new Response(null, { status: 304, headers });
	}
	const headers = new Headers(prepared.headers);
	headers.set("ETag", etag);
	return new Response(request.method === "HEAD" ? null : renderBody(), { status: 200, headers });
}
