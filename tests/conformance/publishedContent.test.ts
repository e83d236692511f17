/**
 * The site's real content (content/articles), read by parsers and validators this project did
 * not write. Independent of how many articles there are: every document is checked.
 */
import { describe } from "vitest";
import { articleEntries } from "../../content/articles";
import { conformanceSuite } from "./support/conformanceSuite";
import { publish } from "./support/publish";

describe("the published content, read by independent clients", () => {
	const publication = publish(articleEntries);
	conformanceSuite(() => publication);
});
