/** A fediverse handle (`@user@host`, validated by validateAuthors.ts) and what it names. */

/**
 * The profile URL Mastodon gives `@user@host`: `https://host/@user`. Servers of other software
 * answer it too or redirect (WebFinger would say for certain, but a handle is never fetched).
 */
export function handleUrl(handle: string): string {
	const [, user = "", host = ""] = handle.split("@");
	return `https://${host.toLowerCase()}/@${user}`;
}
