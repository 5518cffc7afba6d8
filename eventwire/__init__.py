"""eventwire: read news, write down who did what to whom, when and where, grounded in the text."""

from .errors import EventwireError
from .model import Actor, Article, Event, Place, Quote, Span, Story
from .pipeline import Failure, Pipeline, code

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Event", "EventwireError", "Failure", "Pipeline", "Place", "Quote", "Span", "Story",
    "code", "__version__",
]
