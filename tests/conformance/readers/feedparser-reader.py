"""feedparser-reader: Python's feedparser (Debian python3-feedparser) reads each feed file named on
the command line, as a feed reader would, and prints one JSON array on stdout: per file, the
format feedparser detected and, per item, what a reader shows of it. No network: feedparser is
given the files' bytes, and nothing but the standard library and feedparser is imported.

Run by the conformance suite (tests/conformance/support/independentReaders.ts) with Debian's
Python, which is where python3-feedparser installs:

    /usr/bin/python3 feedparser-reader.py feed.xml atom.xml
"""

import json
import sys
import time

import feedparser


def instant(entry, key):
    """A parsed date (feedparser gives UTC, whole seconds), or None when the feed gave none.

    Read from the entry itself: feedparser 6 answers a missing `updated_parsed` with
    `published_parsed` (a stopgap it announces for removal), which would report an RSS item's
    publication as an update time the feed never gave.
    """
    parsed = dict.get(entry, key + "_parsed")
    return None if parsed is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def read(path):
    with open(path, "rb") as file:
        feed = feedparser.parse(file.read())
    if feed.bozo:
        raise ValueError("%s: %s" % (path, feed.bozo_exception))
    return {
        "format": feed.version,
        "items": [
            {
                "id": entry.get("id"),
                "link": entry.get("link"),
                "title": entry.get("title"),
                "published": instant(entry, "published"),
                "updated": instant(entry, "updated"),
                # `author` is only the last name of an RSS item; `authors` has each, in order.
                "authors": [author.get("name") for author in entry.get("authors", [])],
            }
            for entry in feed.entries
        ],
    }


def main(paths):
    try:
        documents = [read(path) for path in paths]
    except (OSError, ValueError) as error:
        print("feedparser-reader: %s" % error, file=sys.stderr)
        return 1
    json.dump(documents, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
