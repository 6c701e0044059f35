"""Public test sets: a catalog, a downloader with checksums, and a reader.

``workbench data get flores200|ntrex128`` downloads FLORES-200 dev (from the GitHub repository
Helsinki-NLP/OPUS-MT-testsets) and NTREX-128 (MicrosoftTranslator/NTREX) at pinned commits into
``settings.data_dir/<test set>/``, one UTF-8 file per language (``kaz_Cyrl.txt``,
``eng_Latn.txt`` ...), each checked against its SHA-256. :func:`load_testset` finds a set there
or, in a development checkout, in ``../shared/data`` next to the repository (``../../shared/data``
from a git worktree).

Segment files are read as the ``sacrebleu`` command reads them: UTF-8, split on ``\\n`` only,
trailing whitespace stripped from every line (a UTF-8 byte-order mark is dropped).
"""

from __future__ import annotations

import hashlib
import logging
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from workbench.errors import UserInputError, WorkbenchError
from workbench.registry import Registry
from workbench.settings import Settings
from workbench.textio import Limits, decode_bytes, read_text
from workbench.wording import count

log = logging.getLogger("workbench")

#: File name of each language in a test-set folder.
LANGUAGE_FILES: dict[str, str] = {
    "kk": "kaz_Cyrl.txt",
    "ky": "kir_Cyrl.txt",
    "ru": "rus_Cyrl.txt",
    "en": "eng_Latn.txt",
}

_FLORES = "https://raw.githubusercontent.com/Helsinki-NLP/OPUS-MT-testsets/5677844c/testsets"
_NTREX = "https://raw.githubusercontent.com/MicrosoftTranslator/NTREX/8561f6a6"


class DownloadError(WorkbenchError):
    """A test set could not be downloaded or failed its checksum."""


@dataclass(frozen=True)
class TestsetFile:
    """One file of a test set: local name, public URL and SHA-256 of its bytes."""

    name: str
    url: str
    sha256: str


@dataclass(frozen=True)
class TestsetSpec:
    """A public test set: where it comes from and what it holds."""

    name: str
    collection: str
    description: str
    licence: str
    source: str
    lines: int
    files: tuple[TestsetFile, ...]


@dataclass(frozen=True)
class TestSet:
    """Line-aligned source and reference segments of one language pair of a test set."""

    name: str
    src: str
    tgt: str
    sources: tuple[str, ...]
    references: tuple[str, ...]
    path: str

    @property
    def signature(self) -> str:
        """sacreBLEU-style description, e.g. ``test:flores200-dev|pair:kk-en|n:997``."""
        return f"test:{self.name}|pair:{self.src}-{self.tgt}|n:{len(self.sources)}"


TESTSETS: Registry[TestsetSpec] = Registry("test set")
TESTSETS.add(
    "flores200-dev",
    TestsetSpec(
        name="flores200-dev",
        collection="flores200",
        description="FLORES-200 dev (Meta), 997 sentences of Wikimedia text in every language",
        licence="CC BY-SA 4.0",
        source="github.com/Helsinki-NLP/OPUS-MT-testsets @ 5677844c",
        lines=997,
        files=(
            TestsetFile(
                "kaz_Cyrl.txt",
                f"{_FLORES}/kaz-eng/flores200-dev.kaz",
                "2b74891a5ef44a0ea1c9084704c651d721ccccc7e912eb96542505785f8e43a4",
            ),
            TestsetFile(
                "kir_Cyrl.txt",
                f"{_FLORES}/kir-eng/flores200-dev.kir",
                "472c5e2c9677a409dc2175987da37f77eed29d1bc18b512d199540c2e238d38c",
            ),
            TestsetFile(
                "rus_Cyrl.txt",
                f"{_FLORES}/rus-eng/flores200-dev.rus",
                "3cad8426c208a2d5f5ccb1bbf5b5284129ffc30636cff4f4421f5f6f31d891a5",
            ),
            TestsetFile(
                "eng_Latn.txt",
                f"{_FLORES}/kaz-eng/flores200-dev.eng",
                "51a25f527fd81f428b6933d85a2f5e5544af92aa82042c7fbf0c4120327fba0a",
            ),
        ),
    ),
)
TESTSETS.add(
    "ntrex128",
    TestsetSpec(
        name="ntrex128",
        collection="ntrex128",
        description="NTREX-128 (Microsoft), WMT19 English news translated into 128 languages",
        licence="CC BY-SA 4.0",
        source="github.com/MicrosoftTranslator/NTREX @ 8561f6a6",
        lines=1997,
        files=(
            TestsetFile(
                "kaz_Cyrl.txt",
                f"{_NTREX}/NTREX-128/newstest2019-ref.kaz.txt",
                "bb8ab21bec25b528b43ed29d649f8522a8e9cd7b153afaea6ace5504ee06363b",
            ),
            TestsetFile(
                "kir_Cyrl.txt",
                f"{_NTREX}/NTREX-128/newstest2019-ref.kir.txt",
                "68bfa73b3c2b49bc3d4219e45bf28c0a9c1bbbe03fe637bb829bfff83c6f42cd",
            ),
            TestsetFile(
                "rus_Cyrl.txt",
                f"{_NTREX}/NTREX-128/newstest2019-ref.rus.txt",
                "177c80c1929cc88a84ab1597fd65d9caa1fb523fbcd9c03d09b452d6109efdac",
            ),
            TestsetFile(
                "eng_Latn.txt",
                f"{_NTREX}/NTREX-128/newstest2019-src.eng.txt",
                "3a62f94f5c42a395d4452ec890ca45afc75866b5b4b1d493429433cfe8469fe9",
            ),
            TestsetFile(
                "eng_Latn.ref-eng-US.txt",
                f"{_NTREX}/NTREX-128/newstest2019-ref.eng-US.txt",
                "e1db72daebe2b726204bf771fac63836180eb3feb971ef8e89d4152f04cb50a3",
            ),
            TestsetFile(
                "DOCUMENT_IDS.tsv",
                f"{_NTREX}/DOCUMENT_IDS.tsv",
                "88a8b0ff1eae47e83f60dcde01075b8c87d75ced59ca09e0af1eb539958e05d5",
            ),
        ),
    ),
)

#: ``workbench data get NAME`` names → the test sets they download.
COLLECTIONS: dict[str, tuple[str, ...]] = {
    "flores200": ("flores200-dev",),
    "ntrex128": ("ntrex128",),
}

#: ``opener(url, timeout=...)`` returns a readable binary response (``urllib.request.urlopen``).
Opener = Callable[..., Any]


# ─── reading ──────────────────────────────────────────────────────────────────────────────


def decode_segments(raw: bytes, name: str, limits: Limits | None = None) -> list[str]:
    """Split file bytes into segments the way ``sacrebleu`` reads a file.

    Bytes are decoded under the one policy of :mod:`workbench.textio` (UTF-8, UTF-16 with a
    BOM, cp1251 with a notice; NUL bytes refused).

    Raises:
        UserInputError: for binary data, undecodable bytes, a limit broken, or no lines at all.
    """
    return _segments(decode_bytes(raw, name, limits=limits).text, name)


def _segments(text: str, name: str) -> list[str]:
    if not text.strip():  # blank lines only: scored, they gave 0.0 everywhere and no word why
        what = "is empty" if not text else "has only blank lines"
        raise UserInputError(f"{name} {what}; give a file with one segment per line.")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line.rstrip() for line in lines]


def read_segments(
    path: str | Path, limits: Limits | None = None, notices: list[str] | None = None
) -> list[str]:
    """Read a one-segment-per-line text file exactly as ``sacrebleu`` would.

    Args:
        notices: When given, the file's decoding notices (a cp1251 fallback) are added to it,
            for a caller that shows them to the user (the command line logs them anyway).

    Raises:
        UserInputError: when the file is missing, empty, binary, undecodable or over a limit.
    """
    got = read_text(path, limits=limits)
    if notices is not None:
        notices.extend(n for n in got.notices if n not in notices)
    return _segments(got.text, str(path))


#: The checkout (or installed tree) this module is in.
CHECKOUT = Path(__file__).resolve().parents[1]


def search_path(settings: Settings, checkout: Path = CHECKOUT) -> list[Path]:
    """Folders searched for test sets: ``settings.data_dir``, then ``shared/data`` beside the
    development ``checkout``, or beside its parent for a git worktree (``<root>/wt/<branch>``
    next to ``<root>/shared``)."""
    return [settings.data_dir, *(root / "shared" / "data" for root in checkout.parents[:2])]


def shared_data(checkout: Path = CHECKOUT) -> Path:
    """The development data folder of :func:`search_path` that exists (``../shared/data``, or
    ``../../shared/data`` from a git worktree); the first when neither does. The benchmarks'
    default ``--data``."""
    places = [root / "shared" / "data" for root in checkout.parents[:2]]
    return next((p for p in places if p.is_dir()), places[0])


def find_testset(name: str, settings: Settings) -> Path:
    """The folder of test set ``name``.

    Raises:
        UnknownNameError: for a test set the workbench does not know.
        UserInputError: when it has not been downloaded; names the command that fetches it.
    """
    spec = TESTSETS.get(name)
    for root in search_path(settings):
        folder = root / spec.name
        if folder.is_dir() and all((folder / f.name).is_file() for f in spec.files):
            return folder
    raise UserInputError(
        f"Test set {spec.name} is not in {settings.data_dir}; "
        f"download it with `workbench data get {spec.collection}`."
    )


def load_testset(
    name: str, src: str, settings: Settings, *, tgt: str = "en", limit: int | None = None
) -> TestSet:
    """Source and reference segments of ``src``→``tgt`` in test set ``name``.

    Args:
        name: ``flores200-dev`` or ``ntrex128``.
        src: Source language (``kk``, ``ky``, ``ru``).
        settings: Where downloaded test sets live.
        tgt: Target language (``en``).
        limit: Keep only the first ``limit`` segments.

    Raises:
        UserInputError: for an unknown language, a missing or malformed file.
    """
    folder = find_testset(name, settings)
    files = []
    for lang in (src, tgt):
        if lang not in LANGUAGE_FILES:
            raise UserInputError(
                f"No {lang!r} side in test sets; languages: {', '.join(LANGUAGE_FILES)}."
            )
        files.append(folder / LANGUAGE_FILES[lang])
    sources, references = (read_segments(f) for f in files)
    if len(sources) != len(references):
        raise UserInputError(
            f"{files[0]} has {count(len(sources), 'line')} but {files[1]} has {len(references)}; "
            "the test set is damaged, download it again."
        )
    if limit is not None:
        if limit < 1:
            raise UserInputError(f"--limit must be at least 1, not {limit}.")
        sources, references = sources[:limit], references[:limit]
    return TestSet(name, src, tgt, tuple(sources), tuple(references), str(folder))


def list_testsets(settings: Settings) -> list[tuple[TestsetSpec, Path | None]]:
    """Every known test set with the folder it was found in (``None`` if not downloaded)."""
    out: list[tuple[TestsetSpec, Path | None]] = []
    for name in TESTSETS.names():
        try:
            out.append((TESTSETS.get(name), find_testset(name, settings)))
        except UserInputError:
            out.append((TESTSETS.get(name), None))
    return out


# ─── downloading ──────────────────────────────────────────────────────────────────────────


def download(
    collection: str,
    settings: Settings,
    *,
    opener: Opener = urllib.request.urlopen,
    progress: bool = True,
    timeout: float = 30.0,
) -> list[Path]:
    """Download a collection (``flores200``, ``ntrex128``) into ``settings.data_dir``.

    Each file is streamed to a ``.part`` file, its SHA-256 checked, and only then renamed into
    place, so an interrupted or corrupted download never leaves a file that looks complete.

    Returns:
        The folders of the downloaded test sets.

    Raises:
        UnknownNameError: for an unknown collection.
        DownloadError: when the network is unreachable or a checksum does not match.
    """
    if collection not in COLLECTIONS:
        raise UserInputError(
            f"Unknown test set collection {collection!r}; available: {', '.join(COLLECTIONS)}."
        )
    folders = []
    for name in COLLECTIONS[collection]:
        spec = TESTSETS.get(name)
        folder = settings.data_dir / spec.name
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DownloadError(f"Cannot create {folder} ({err.strerror}).") from err
        for file in spec.files:
            target = folder / file.name
            if target.is_file() and _sha256_file(target) == file.sha256:
                log.info("%s is already downloaded", target)
                continue
            _fetch(file, target, opener=opener, progress=progress, timeout=timeout)
        folders.append(folder)
    return folders


def _fetch(
    file: TestsetFile, target: Path, *, opener: Opener, progress: bool, timeout: float
) -> None:
    from tqdm import tqdm

    part = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    try:
        with opener(file.url, timeout=timeout) as response, part.open("wb") as out:
            total = _content_length(response)
            with tqdm(
                total=total, unit="B", unit_scale=True, desc=target.name, disable=not progress
            ) as bar:
                for chunk in iter(lambda: response.read(1 << 16), b""):
                    digest.update(chunk)
                    out.write(chunk)
                    bar.update(len(chunk))
    except (urllib.error.URLError, OSError, TimeoutError) as err:
        part.unlink(missing_ok=True)
        reason = getattr(err, "reason", None) or err
        raise DownloadError(
            f"Cannot download {file.url} ({reason}); check the internet connection, or copy the "
            f"test set files into {target.parent} by hand."
        ) from err
    if digest.hexdigest() != file.sha256:
        part.unlink(missing_ok=True)
        raise DownloadError(
            f"{file.url} does not have the expected content (sha256 {digest.hexdigest()[:12]}…, "
            f"expected {file.sha256[:12]}…); nothing was saved, try again later."
        )
    part.replace(target)


def _content_length(response: IO[bytes] | Any) -> int | None:
    headers = getattr(response, "headers", None)
    value = headers.get("Content-Length") if headers is not None else None
    return int(value) if value and str(value).isdigit() else None


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sources_and_references(testset: TestSet) -> tuple[Sequence[str], Sequence[Sequence[str]]]:
    """``(sources, [references])`` in the shape :func:`workbench.score.score_systems` takes."""
    return testset.sources, [testset.references]
