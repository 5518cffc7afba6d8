"""Reading articles: one text, a file, or whole folders, feeds and archives.

``article_from_text`` checks one text and makes it an Article; ``read_file`` does the same for a path.
Readers for corpora (JSONL, HTML, feeds, WARC) live beside this module and yield Articles or errors.
"""

from .text import article_from_text, read_file, split_paragraphs  # noqa: F401
