"""corpus stage: cases (documents with metadata) read from ``corpora/<case>/case.toml``.

Readers for ``.txt`` (UTF-8; cp1251 with a notice), ``.jsonl`` and ``.csv`` are registered by
extension in :data:`READERS`. Nothing here imports another stage.
"""

from workbench.corpus.cases import CASE_FILE, find_case, list_cases, load_case
from workbench.corpus.corrections import (
    CORRECTIONS_FILE,
    corrections_path,
    read_corrections,
    write_corrections,
)
from workbench.corpus.readers import READERS, ReadResult, decode_file, read_file

__all__ = [
    "CASE_FILE",
    "CORRECTIONS_FILE",
    "READERS",
    "ReadResult",
    "corrections_path",
    "decode_file",
    "find_case",
    "list_cases",
    "load_case",
    "read_corrections",
    "read_file",
    "write_corrections",
]
