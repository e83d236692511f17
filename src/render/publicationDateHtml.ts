import { formatDutchDate } from "../content/dutchDate";
import { machineReadableDate, type PublicationDate } from "../content/publicationDate";
import { html, type SafeHtml } from "./html";

/**
 * `<time datetime="2023-07">juli 2023</time>`: machine-readable and human, both at the known
 * precision. The `datetime` is exact as written; an instant is shown to people in `timeZone`, the
 * newsroom's (formatDutchDate), whatever offset it was written with.
 */
export function timeHtml(date: PublicationDate, className: string, timeZone: string): SafeHtml {
	return html`<time class="${className}" datetime="${machineReadableDate(date)}">${formatDutchDate(date, timeZone)}</time>`;
}
