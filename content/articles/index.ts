/**
 * The articles Edgewire publishes. To add one: write its file beside this one (copy an existing
 * article), then add one line below. `npm test` and `npm run dev` tell you what is missing.
 */
import type { ContentEntry } from "../../src/content/articleSchema";
import kabinetsberaadOverAsiel from "./2023-07-kabinetsberaad-over-asiel";

export const articleEntries: readonly ContentEntry[] = [
	{ file: "content/articles/2023-07-kabinetsberaad-over-asiel.ts", input: kabinetsberaadOverAsiel },
];
