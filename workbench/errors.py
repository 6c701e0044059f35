"""The workbench's exception hierarchy.

Every error a user can cause or fix is a :class:`WorkbenchError`. Its message is one clear
sentence saying what was wrong and what to do; the CLI and the UI show the message, never a
traceback. Internal failures are chained with ``raise ... from err`` so that ``--debug`` and the
log keep the cause.
"""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base class of every error the workbench reports to a user."""


class UserInputError(WorkbenchError):
    """Input the user supplied is unusable (empty, wrong encoding, wrong shape, bad option)."""


class UnknownNameError(WorkbenchError, KeyError):
    """A registry lookup for a name that is not registered; the message lists the valid names."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ModelNotAvailableError(WorkbenchError):
    """A model is neither cached locally nor reachable; the message names the fetch command."""


class ModelNotDownloadedError(ModelNotAvailableError):
    """A Hub model is not in the local cache and cannot be downloaded now.

    Attributes:
        model: The Hub id.
        why: Why it cannot be downloaded ("offline mode is on", ...), or "".
    """

    def __init__(self, message: str, model: str = "", why: str = "") -> None:
        super().__init__(message)
        self.model = model
        self.why = why


class EngineError(WorkbenchError):
    """A translation engine failed to load or to translate."""


class CacheError(WorkbenchError):
    """The translation or embedding cache cannot be used (corrupt, locked, unwritable)."""


class CorpusError(WorkbenchError):
    """A case or corpus file cannot be read; the message names the file and line."""


class MetricError(WorkbenchError):
    """A metric cannot be computed on the given inputs."""


class AnnotationError(WorkbenchError):
    """A human judgment cannot be stored or read."""


class ClusterError(WorkbenchError):
    """A Ray cluster cannot be reached or started, or a distributed job failed."""
