"""Article in, story out.

    nlp = Pipeline()                      # loads the model once
    story = nlp.code(text, date="2008-11-17")
    for result in nlp.code_many(articles):  # batches through spaCy
        ...

The steps: check the input (``ingest``), lay out paragraphs, parse paragraph by paragraph into one Doc
(``nlp``), then run the configured stages in order (``registry``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Iterable, Iterator

from . import blocks, ingest, nlp as language, registry, settings
from .budget import deadline
from .errors import ArticleTimeout, EventwireError
from .model import Article, Span, Story


@dataclass
class Failure:
    """An article that could not be coded, and why. Batch work records it and goes on."""

    article: Article | None
    error: EventwireError
    source: str | None = None

    @property
    def reason(self) -> str:
        return str(self.error)


class Pipeline:
    def __init__(self, config: dict | None = None, **overrides):
        self.config = settings.resolve({**(config or {}), **overrides})
        self.stage_infos = [registry.get(name) for name in self.config["stages"]]
        registry.check_order(self.stage_infos)  # before the model loads: a bad stage list fails at once
        self.nlp = language.load(self.config["model"])
        self.stages = [(info.name, info.factory(self.nlp, self.config)) for info in self.stage_infos]

    # -- one article -----------------------------------------------------------------------------------
    def code(self, text: str, *, date: str | None = None, title: str | None = None, url: str | None = None,
             outlet: str | None = None, html: bool = False) -> Story:
        """Code one article given as text (or an HTML page with ``html=True``)."""
        article = ingest.article_from_text(
            text, date=date, title=title, url=url, outlet=outlet, html=html,
            max_chars=self.config["max_article_chars"],
        )
        return self.code_article(article)

    def code_article(self, article: Article) -> Story:
        result = next(self.code_many([article]))
        if isinstance(result, Failure):
            raise result.error
        return result

    # -- many articles ---------------------------------------------------------------------------------
    def code_many(self, articles: Iterable[Article | str], *, batch_size: int | None = None
                  ) -> Iterator[Story | Failure]:
        """Yield a Story or a Failure per article, in order. One bad article never stops the batch."""
        size = batch_size or self.config["batch_size"]
        batch: list[Article] = []
        for item in articles:
            if isinstance(item, str):
                try:
                    item = ingest.article_from_text(item, max_chars=self.config["max_article_chars"])
                except EventwireError as err:
                    yield from self._flush(batch)
                    batch = []
                    yield Failure(None, err)
                    continue
            batch.append(item)
            if len(batch) >= size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Article]) -> Iterator[Story | Failure]:
        if not batch:
            return
        ok: list[Story] = []
        for article in batch:
            try:
                ingest.text.check_text(article.text, max_chars=self.config["max_article_chars"],
                                       name=article.source or article.id)
                story = Story(article=article, paragraphs=ingest.split_paragraphs(article.text))
                ok.append(story)
            except EventwireError as err:
                ok.append(Failure(article, err, article.source))  # type: ignore[arg-type]
        late = self._parse([s for s in ok if isinstance(s, Story) and not _long(s)])
        budget = self.config["article_timeout"]
        for item in ok:
            if isinstance(item, Failure):
                yield item
                continue
            if _long(item):
                yield self._code_blocks(item)
                continue
            if id(item) in late:
                yield Failure(item.article, late[id(item)], item.article.source)
                continue
            try:
                with deadline(budget, what=_name(item.article)):
                    for _, run in self.stages:
                        item = run(item)
                yield item
            except EventwireError as err:
                yield Failure(item.article, err, item.article.source)

    def _code_blocks(self, story: Story) -> Story | Failure:
        """A long article coded block by block (``blocks``) within one time budget for the whole: when it runs
        out, the blocks coded so far make the story (``Story.coverage``); a Failure only if none was."""
        budget = self.config["article_timeout"]
        start = time.monotonic()
        parts: list[tuple[int, Story]] = []
        for s, e in blocks.bounds(story.article.text, story.paragraphs):
            spent = time.monotonic() - start
            left = budget - spent if budget else None
            try:
                # a block that would not finish at the pace of the blocks before it is not begun
                if left is not None and parts and spent / s * (e - s) > left:
                    raise ArticleTimeout(f"{_name(story.article)}: no time left for the block at {s:,}")
                part = blocks.sub_story(story, s, e)
                with deadline(left, what=f"{_name(story.article)} (block at character {s:,})"):
                    self._parse_batch([part])
                    for _, run in self.stages:
                        part = run(part)
            except ArticleTimeout as err:
                if not parts:
                    return Failure(story.article, err, story.article.source)
                story.coverage = s
                break
            except EventwireError as err:
                return Failure(story.article, err, story.article.source)
            parts.append((s, part))
        return blocks.merge(story, parts)

    def _parse(self, stories: list[Story]) -> dict[int, ArticleTimeout]:
        """Parse a batch through spaCy within the batch's share of the time budget; if it runs over, parse
        the articles one at a time, so that only an article too slow on its own fails. Returns the
        failures by ``id(story)``."""
        budget = self.config["article_timeout"]
        if not stories:
            return {}
        try:
            with deadline(budget * len(stories) if budget else None, what=f"parsing {_name(stories[0].article)}"):
                self._parse_batch(stories)
            return {}
        except ArticleTimeout as err:
            if len(stories) == 1:
                return {id(stories[0]): err}
        late = {}
        for story in stories:
            try:
                with deadline(budget, what=f"parsing {_name(story.article)}"):
                    self._parse_batch([story])
            except ArticleTimeout as err:
                late[id(story)] = err
        return late

    def _parse_batch(self, stories: list[Story]) -> None:
        docs = language.parse_many(
            self.nlp,
            ((s.article.text, [(p.span.start, p.span.end) for p in s.paragraphs]) for s in stories),
            batch_size=self.config["batch_size"],
        )
        for story, doc in zip(stories, docs):
            story.doc = doc
            story.sentences = [Span.from_spacy(sent) for sent in doc.sents if sent.text.strip()]
            story.sentences = [_trim(story, s) for s in story.sentences]

    def warm(self) -> "Pipeline":
        """Load now what stages would load on first need (gazetteer, knowledge base, word vectors), so that
        worker processes forked from this one share it instead of each loading its own."""
        self.code(WARM_UP_TEXT, date="2020-01-06")
        for _, run in self.stages:
            hook = getattr(run, "warm", None)
            if callable(hook):
                hook()
        return self

    def explain(self) -> list[dict]:
        """The stages in order with what each requires and assigns."""
        return [
            {"name": i.name, "requires": list(i.requires), "assigns": list(i.assigns), "doc": i.doc}
            for i in self.stage_infos
        ]


# A short text that takes every stage through its data files (written for this purpose, not news).
WARM_UP_TEXT = (
    "Talks Resume in Geneva\n\n"
    'GENEVA - Foreign Minister Amina Khalid of Sudan said on Monday that the army would not attack rebels in '
    'Khartoum. "We are ready to talk," she told Reuters.'
)


def _long(story: Story) -> bool:
    return len(story.article.text) > blocks.LONG_ARTICLE


def _name(article: Article) -> str:
    return f"article {article.source or article.id}"


def _trim(story: Story, span: Span) -> Span:
    text = story.article.text
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span.of(text, s, e)


_DEFAULT: Pipeline | None = None


def code(text: str, **kwargs) -> Story:
    """Code one article with a shared default pipeline (loaded on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.code(text, **kwargs)
