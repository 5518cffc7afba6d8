"""Stage ``dates.rules.v1``: each event dated by the publication date.

A first working version; relative expressions come later.
"""

from __future__ import annotations

from ..model import Story
from ..registry import stage


@stage("dates.rules.v1", requires=["events"], assigns=["events.date"])
def make_dates(nlp, config):
    """Events dated by the publication date."""

    def dates(story: Story) -> Story:
        for event in story.events:
            if event.date is None and story.article.date:
                event.date = story.article.date
                event.date_precision = "day"
                event.attrs.setdefault("date_source", "publication")
        return story

    return dates
