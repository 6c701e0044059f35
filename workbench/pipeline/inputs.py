"""What a user should know about the texts they brought to Compare, before reading the result.

A comparison of statements declared Russian that are in fact Kazakh runs to the end and gives
nonsense with no error: the detectors read the wrong morphology and the cross-lingual links are
weaker. :func:`case_notices` and :func:`file_notices` say so in one sentence per document, with
the readers' own notices (an encoding fallback): the CLI prints them on stderr, the Compare tab
shows them as warnings.

A document is checked line by line with :func:`workbench.langid.mismatch` (a whole article is too
mixed for CLD2 to be sure of: a Russian FLORES page of 3,000 characters is 84 % Russian to it),
and it is named when at least half of the lines CLD2 is sure of look like another language, so a
quotation in another language inside a statement is no alarm.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench import langid
from workbench.corpus import ReadResult, read_file
from workbench.errors import WorkbenchError
from workbench.textio import Limits
from workbench.types import LANGUAGE_NAMES, Case, Document

#: A document is named when at least this share of its checked lines looks like another language.
MIN_SHARE = 0.5


def language_notice(
    lines: Sequence[str], declared: str, what: str, fix: str, unit: str = "line"
) -> str | None:
    """One sentence when most ``lines`` are not in the ``declared`` language, else ``None``.

    Args:
        lines: The document's lines (paragraphs).
        declared: The language the user gave (``kk``, ``ky``, ``ru`` or ``en``).
        what: How the sentence names the document (``"The statements file st.txt"``).
        fix: What the user should check (``"check --src"``).
        unit: What the sentence calls one of ``lines`` with its number: ``"line"`` when the
            numbers are the file's lines, ``"record"`` for a CSV or JSONL file, whose readers
            skip the header and blank rows (its record 1 is not its line 1).
    """
    total = sum(1 for line in lines if line.strip())
    checked = [
        (number, line)
        for number, line in enumerate(lines, start=1)
        if sum(ch.isalpha() for ch in line) >= langid.MIN_LETTERS
    ]
    found = [(n, f) for n, line in checked if (f := langid.mismatch(line, declared)) is not None]
    if not found or len(found) < MIN_SHARE * len(checked):
        return None
    reason, _ = Counter(f for _, f in found).most_common(1)[0]
    first = next(n for n, f in found if f == reason)
    example = f"{unit} {first}{', for one,' if len(found) > 1 else ''} {reason}"
    name = LANGUAGE_NAMES.get(declared, declared)
    subject, singular = _counted(len(found), len(checked), total, unit)
    if langid.LATIN_KAZAKH in reason and declared != "en":
        # The alphabet is what is wrong, which no choice of language fixes (as check_language).
        also = "" if declared == "kk" else " and give it as Kazakh"
        return (
            f"{what} is given as {name}, but {subject} {'is' if singular else 'are'} in "
            f"the Latin alphabet ({example}); the models expect "
            f"Cyrillic, so convert it first (workbench.langid.to_cyrillic can help){also}."
        )
    return (
        f"{what} is given as {name}, but {subject} {'does' if singular else 'do'} not look "
        f"like {name} ({example}); {fix}."
    )


def _counted(found: int, checked: int, total: int, unit: str) -> tuple[str, bool]:
    """The subject of :func:`language_notice`'s sentence, and whether its verb is singular.

    Only lines of :data:`workbench.langid.MIN_LETTERS` letters or more are checked (a shorter
    one is too short for CLD2 to tell), so when some lines are shorter the count says of how
    many lines it is: "1 of its 1 lines" for a file of two lines read as a wrong count (hyg14's
    walk).
    """
    if checked == total:
        if total == 1:
            return f"its one {unit}", True
        return f"{found} of its {total} {unit}s", found == 1
    long_enough = f"long enough to tell ({langid.MIN_LETTERS} letters or more)"
    if checked == 1:
        return f"the one of its {total} {unit}s {long_enough}", True
    return f"{found} of the {checked} of its {total} {unit}s {long_enough}", found == 1


def latin_kazakh_notice(lines: Sequence[str]) -> str | None:
    """One sentence naming the lines that are Kazakh in a Latin alphabet, else ``None``.

    The models read Kazakh in Cyrillic whichever language is picked, so the Translate tab says
    this even when no model could be loaded (with the model, the translator says it per text).
    """
    found = [
        (n, m)
        for n, line in enumerate(lines, start=1)
        if (m := langid.mismatch(line, "kk")) and langid.LATIN_KAZAKH in m
    ]
    if not found:
        return None
    numbers = [n for n, _ in found]
    # each alphabet the lines are in (mismatch ends "… alphabet (2017)"), first seen first: the
    # 2017 and 2021 alphabets convert with different tables (to_cyrillic's ``alphabet``)
    alphabets = list(dict.fromkeys(m.rsplit("(", 1)[-1].rstrip(")") for _, m in found))
    shown = ", ".join(map(str, numbers[:8])) + (" …" if len(numbers) > 8 else "")
    which = f"Line {shown} is" if len(numbers) == 1 else f"Lines {shown} are"
    return (
        f"{which} {langid.LATIN_KAZAKH} ({', '.join(alphabets)}); the models "
        "read Kazakh in Cyrillic, so convert it first (workbench.langid.to_cyrillic can help)."
    )


def note_alphabet(err: WorkbenchError, lines: Sequence[str]) -> None:
    """Add :func:`latin_kazakh_notice` of ``lines`` to ``err``'s message (once).

    A model that cannot be loaded ends a run before the translator's own alphabet check; the
    user must learn both, or brings the model in only to be told to convert the text.
    """
    if (note := latin_kazakh_notice(lines)) and note not in str(err):
        err.args = (f"{err} Also: {note}", *err.args[1:])


def _document_notices(doc: Document, fix: str, by_title: bool) -> list[str]:
    named = by_title and doc.title
    what = doc.title if named else f"Document {doc.id!r}"
    notes = []
    if note := language_notice(doc.text.split("\n"), doc.language, what, fix):
        notes.append(note)
    if doc.translation is not None and (
        note := language_notice(
            doc.translation.split("\n"),
            "en",
            f"The English translation of {doc.title if named else f'document {doc.id!r}'}",
            "the translation must be English",
        )
    ):
        notes.append(note)
    return notes


def case_notices(
    case: Case, *, fix: str = "check its language in case.toml", by_title: bool = False
) -> list[str]:
    """The readers' notices of a case and every document not in the language it declares.

    Args:
        case: The case.
        fix: What the user should check when a document is not in its language.
        by_title: Name documents by title (file names of uploads), not by id.
    """
    notes = list(case.notices)
    for doc in case.documents:
        notes += _document_notices(doc, fix, by_title)
    return notes


@dataclass(frozen=True)
class CompareFiles:
    """Compare's files as the corpus readers read them (see :func:`read_compare_files`)."""

    statements: ReadResult
    reporting: ReadResult
    translations: ReadResult | None = None


def read_compare_files(
    statements: str | Path,
    reporting: str | Path,
    *,
    translations: str | Path | None = None,
    limits: Limits | None = None,
) -> CompareFiles:
    """Read ``compare``'s files with the corpus readers under ``limits``: the one reader of
    :func:`workbench.pipeline.compare.files_case`, whose case :func:`file_notices` reads.

    Raises:
        CorpusError: for an unreadable file (the message names file and line).
    """
    body = read_file(statements, limits)
    tr = read_file(translations, limits) if translations is not None else None
    return CompareFiles(body, read_file(reporting, limits), tr)


def file_notices(
    case: Case,
    *,
    translations: str | Path | None = None,
    untranslated_fix: str | None = None,
) -> list[str]:
    """The notices of Compare's file form, taken from its case
    (:func:`workbench.pipeline.compare.files_case`, which read the files once): the readers'
    notices, then every file not in its language, each named by its file name; with
    ``untranslated_fix`` (no engine translates), :func:`untranslated_notice` when the
    statements have no translation (no ``translations`` file, none in the statements file).

    ``translations``: the translations file the case was built with (its name and suffix name
    it in a notice; it is not read again). A ``.txt`` file's numbers are its lines, another's
    its records (:func:`language_notice`'s ``unit``).
    """
    (st,), (rep,) = case.statements, case.reports
    english = "the translations must be English"
    notes = list(case.notices)

    def check(text: str, language: str, path: str | Path, what: str, fix: str) -> None:
        unit = "line" if Path(path).suffix.lower() == ".txt" else "record"
        if note := language_notice(text.split("\n"), language, what, fix, unit):
            notes.append(note)

    check(st.text, st.language, st.title, st.title, "check --src")
    if st.translation is not None and translations is None:
        check(st.translation, "en", st.title, f"The translations in {st.title}", english)
    check(rep.text, "en", rep.title, rep.title, "the reporting must be English")
    if st.translation is not None and translations is not None:
        check(st.translation, "en", translations, Path(translations).name, english)
    if untranslated_fix and (note := untranslated_notice(case, untranslated_fix, by_title=True)):
        notes.append(note)
    return notes


def unaudited_notice(case: Case, *, by_title: bool = False) -> str | None:
    """The sentence for statement lines whose supplied translation the comparison does not
    check against them (the audit), being longer on either side than the faithfulness check
    reads; ``None`` when there is none. Say it only when the supplied translations are used
    (no machine translation): the audit runs only then.

    ``by_title``: name documents by title (the file names of uploads and of the file form),
    not by id.
    """
    from workbench.faithfulness import MAX_CHARS
    from workbench.pipeline.faithfulness import too_long_to_check
    from workbench.types import SOURCE_LANGUAGES

    named = []
    for doc in case.statements:
        if doc.translation is None or doc.language not in SOURCE_LANGUAGES:
            continue
        pairs = zip(doc.text.split("\n"), doc.translation.split("\n"), strict=False)
        lines = [n for n, (s, t) in enumerate(pairs, start=1) if too_long_to_check(s, t)]
        if lines:
            shown = ", ".join(map(str, lines[:8])) + (" …" if len(lines) > 8 else "")
            which = "line" if len(lines) == 1 else "lines"
            named.append(f"{which} {shown} of {(doc.title or doc.id) if by_title else doc.id}")
    if not named:
        return None
    return (
        f"Too long for the check of supplied translations (over {MAX_CHARS:,} characters, the "
        f"statement or its translation): statement {'; '.join(named)}. Compared with the "
        "reporting, but the translation is not checked against its original; to have it "
        "checked, put one sentence a line, in the translation alike."
    )


def untranslated_notice(case: Case, fix: str, *, by_title: bool = False) -> str | None:
    """The sentence for the statement documents of ``case`` compared with no English
    translation: what that costs and ``fix``, how to give one (the tab's button, the command's
    options). ``None`` when every statement document has one. The one place that lists them
    (the command's case and file forms and the Compare tab each built the list before).

    ``by_title``: name documents by title (the file names of uploads and of the file form),
    not by id.
    """
    names = [
        (d.title or d.id) if by_title else d.id for d in case.statements if d.translation is None
    ]
    if not names:
        return None
    return (
        f"No English translation for {', '.join(names)}: its statements are aligned "
        "through cross-lingual embeddings alone and only the differences that need no "
        f"translation are found; {fix}."
    )


def english_notices(
    hypotheses: Sequence[tuple[str, Sequence[str]]], references: Sequence[Sequence[str]]
) -> list[str]:
    """A sentence for each system output or reference that is not English.

    A Russian file scored as an English system got BLEU 3.7 and not a word (hyg14's walk of the
    Evaluate tab), where ``compare`` and ``check`` warn of a side in the wrong language.

    Args:
        hypotheses: ``(name, segments)`` of every system (``Evaluation.hypotheses``).
        references: Every reference stream (``Evaluation.references``).
    """
    notes = []
    for name, segments in hypotheses:
        what = f"The system output {name}"
        if note := language_notice(segments, "en", what, "the outputs must be English"):
            notes.append(note)
    for number, segments in enumerate(references, start=1):
        what = "The reference" if len(references) == 1 else f"Reference {number}"
        if note := language_notice(segments, "en", what, "the references must be English"):
            notes.append(note)
    return notes
