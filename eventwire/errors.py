"""Every message eventwire can show a user, in one place.

Each error has a code and says what to do. The CLI turns an ``EventwireError`` into one line on stderr and
its ``exit_code``; in batch work the same error is recorded against the article and the batch goes on.
"""

from __future__ import annotations


class EventwireError(Exception):
    """An error the user can act on. ``str(err)`` is the one-line message."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.details = details

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class InputError(EventwireError):
    """The input is not an article eventwire can code."""

    code = "E100"
    exit_code = 2


class NotFound(InputError):
    code = "E101"


class EmptyInput(InputError):
    code = "E102"


class BinaryInput(InputError):
    code = "E103"


class EncodingError(InputError):
    code = "E104"


class TooLarge(InputError):
    code = "E105"


class HtmlInput(InputError):
    code = "E106"


class NotEnglish(InputError):
    code = "E107"


class BadRecord(InputError):
    """A JSONL line, feed item or WARC record that cannot be read as an article."""

    code = "E108"


class FileAccess(InputError):
    """A file or folder the user named cannot be read or written (no such folder, no permission, disk full)."""

    code = "E109"

    @classmethod
    def of(cls, err: OSError) -> "FileAccess":
        where = f"{err.filename}: " if err.filename else ""
        return cls(f"{where}{err.strerror or err}")


class ArticleTimeout(EventwireError):
    """An article took longer than its time budget (setting ``article_timeout``). Batch work records it as
    a failure and goes on; ``eventwire code`` exits with this code."""

    code = "E120"
    exit_code = 5


class ConfigError(EventwireError):
    """An unknown setting, stage or extension, or a data file that does not load."""

    code = "E200"
    exit_code = 3


class DataFileError(ConfigError):
    code = "E201"

    def __init__(self, path, line: int | None, message: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}", path=str(path), line=line)


class ModelMissing(ConfigError):
    code = "E202"


class StoreError(EventwireError):
    code = "E300"
    exit_code = 4


class StoreLocked(StoreError):
    """Another process is writing the store (an ingest): a store has one writer at a time."""

    code = "E301"


class InternalError(EventwireError):
    """An unexpected exception (a bug) while coding one article. Batch work records it and goes on."""

    code = "E900"
