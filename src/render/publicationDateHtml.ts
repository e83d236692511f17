import { formatDutchDate } from "../content/dutchDate";
import { machineReadableDate, type PublicationDate } from "../content/publicationDate";
import { html, type SafeHtml } from "./html";

/** `<time datetime="2023-07">juli 2023</time>`: machine-readable and human, both at the known precision. */
export function timeHtml(date: PublicationDate, className: string): SafeHtml {
	return html`<time class="${className}" datetime="${machineReadableDate(date)}">${formatDutchDate(date)}</time>`;
}
