"""Clauses: the units below the sentence that partial and merged retellings are made of.

The one clause cutter of the workbench, shared by two stages that must not import each other:
the aligner (``workbench/align``) links through these clauses and the faithfulness stage
(``workbench/faithfulness/coverage.py``) measures coverage with them. Cutting alike lets the
translation audit in Compare reuse every clause vector the aligner embedded (the embedder's
cache returns it) instead of embedding a second cut of the same text.

A report sentence often carries one clause of a statement ("He said the attackers had emerged
from sleeper cells" for a statement that also names their plan), or clauses of two statements
("…, and officials said 164 people died"). To find such retellings the aligner also compares
clauses. :func:`split_clauses` cuts a sentence (or a line holding several sentences) into
clauses and keeps their character offsets, so a link can say which part of each side it joins.

Where it cuts, in English, Russian, Kazakh and Kyrgyz alike:

* after sentence ends inside a line (``. ! ? …`` followed by a capital or a quote);
* at ``;``, ``:`` and free-standing dashes (``—``, ``–``, `` - ``);
* at commas and before coordinating or subordinating words (and/but/while/which/that/who…,
  и/а/но/что/который…, және/бірақ/ал/деп…, жана/бирок/ал/деп…) — before such a word even
  without a comma, since "X said that Y" carries Y as a clause of its own;
* around quotations (« », “ ”, „ “, " "), never inside one: a quotation is one voice.

Pieces shorter than ``min_words`` words are joined to a neighbour (a list "riots, looting and
arson" is not three clauses), and so are speaker frames of up to six words ("according to the
ministry", "по словам министра"; "Putin said" is short anyway): a frame carries no claim of its
own. A sentence never yields more than ``max_clauses`` clauses (the shortest neighbours are
joined first), so the number of units to embed stays bounded. A sentence that yields one clause
yields none: the sentence itself is the unit.

Cost: one regular-expression pass and a merge over the pieces, O(length of the text).
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

#: Words before which a clause may begin (lower case; en, ru, kk, ky).
CLAUSE_WORDS: frozenset[str] = frozenset(
    word
    for words in (
        # English
        "and but while whereas although though because since unless which that who whom whose "
        "where when after before so yet or saying adding according",
        # Russian
        "и а но однако что чтобы который которая которое которые которого которой которых "
        "которым которыми котором где когда потому поскольку хотя если пока причем причём "
        "согласно заявив заявила заявил отметив добавив",
        # Kazakh
        "және бірақ алайда ал себебі өйткені сондықтан егер яғни деп дейді деді сонымен сондай-ақ",
        # Kyrgyz
        "жана бирок ал анткени себеби ошондуктан эгер деп деди деген ошондой",
    )
    for word in words.split(" ")
)

_QUOTED = re.compile(r'«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|"[^"]*"')
_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)
# Hard boundaries: sentence end inside a line, ; : and free-standing dashes, commas.
_BOUNDARY = re.compile(
    r"(?<=[.!?…])\s+(?=[\"«“„(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІЇЄ])"  # sentence end
    r"|[;:](?=\s)"
    r"|\s[—–-]\s"
    r"|,(?=\s)"
    r"|(?<=\s)(?=[«“„])"  # before an opening quote
    r"|(?<=[»”])(?=[\s,.;:])",  # after a closing quote
    re.UNICODE,
)


#: A short piece that only says who speaks ("according to the ministry", "по словам министра",
#: "министрдің сөзінше") carries no claim of its own: it stays with the clause it frames.
_FRAME = re.compile(
    r"^(?:according to|citing|as reported by|as (?:\w+ )?(?:said|told)|"
    r"по словам|по данным|согласно|как (?:сообщил|заявил)|"
    r"\w+ мәліметінше|\w+ сөзінше|\w+ маалыматы боюнча|\w+ сөзү боюнча)\b",
    re.IGNORECASE | re.UNICODE,
)
#: Most words of a piece recognised as a speaker frame.
FRAME_WORDS = 6


@dataclass(frozen=True)
class Clause:
    """A clause of a text: its ``(start, end)`` offsets and the text between them."""

    start: int
    end: int
    text: str

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``."""
        return self.start, self.end


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _weight(text: str) -> int:
    """Words that count towards ``min_words``: none for a short speaker frame."""
    count = _word_count(text)
    return 0 if count <= FRAME_WORDS and _FRAME.search(text.strip()) else count


def _cut_points(text: str, extra_words: frozenset[str] = frozenset()) -> list[int]:
    """Offsets where a clause may begin, in order, without 0 and ``len(text)``."""
    points = {m.end() for m in _BOUNDARY.finditer(text)}
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if m.start() > 0 and (word in CLAUSE_WORDS or word in extra_words):
            points.add(m.start())
    # quoted spans do not overlap and come in order, so only the last one that opens before a
    # point can hold it: one bisection per point instead of a scan of every quote (a line of
    # many quotes was quadratic)
    inside = [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(text)]
    opens = [a for a, _ in inside]
    return sorted(p for p in points if 0 < p < len(text) and not _quoted(p, opens, inside))


def _quoted(p: int, opens: list[int], inside: list[tuple[int, int]]) -> bool:
    """True when ``p`` lies strictly inside one of ``inside`` (ordered, non-overlapping spans
    whose starts are ``opens``)."""
    i = bisect_left(opens, p) - 1
    return i >= 0 and inside[i][0] < p < inside[i][1]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding blanks, commas, semicolons, colons and dashes."""
    junk = " \t\n,;:—–-"
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end


def _pieces(text: str, extra_words: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    bounds = [0, *_cut_points(text, extra_words), len(text)]
    out = [_trim(text, a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [(a, b) for a, b in out if b > a]


def _join(pieces: list[tuple[int, int]], k: int) -> tuple[list[tuple[int, int]], int]:
    """``pieces`` with piece ``k`` joined to its shorter neighbour, and the joined piece's
    index."""
    if len(pieces) < 2:
        return pieces, k
    if k == 0:
        other = 1
    elif k == len(pieces) - 1:
        other = k - 1
    else:
        left, right = pieces[k - 1], pieces[k + 1]
        other = k - 1 if left[1] - left[0] <= right[1] - right[0] else k + 1
    a, b = sorted((k, other))
    return [*pieces[:a], (pieces[a][0], pieces[b][1]), *pieces[b + 1 :]], a


def split_clauses(
    text: str,
    *,
    min_words: int = 4,
    max_clauses: int = 4,
    extra_words: frozenset[str] = frozenset(),
) -> tuple[Clause, ...]:
    """Cut a sentence into clauses with their character offsets.

    Args:
        text: A sentence, or a line holding several sentences (any of en/ru/kk/ky).
        min_words: Least number of words of a clause; shorter pieces join a neighbour.
        max_clauses: Most clauses returned; beyond it the shortest pieces join neighbours.
        extra_words: Words (lower case) before which a clause may also begin, besides
            :data:`CLAUSE_WORDS`: the aligner's report side passes
            :data:`workbench.align.clauses.REPORT_CLAUSE_WORDS`; the default cuts as before.

    Returns:
        The clauses in text order, ``text[c.start:c.end] == c.text``; empty when the text
        has fewer than two clauses (the whole text is then the only unit).

    Raises:
        ValueError: for ``min_words`` or ``max_clauses`` below 1, or ``extra_words`` given as
            one string (its substrings would match) or holding a word that is not lower case
            (it would never match): programming errors.
    """
    if min_words < 1 or max_clauses < 1:
        raise ValueError("min_words and max_clauses must be at least 1")
    if isinstance(extra_words, str) or any(w != w.lower() or not w for w in extra_words):
        raise ValueError("extra_words must be a set of non-empty lower-case words")
    pieces = _pieces(text, extra_words)
    # each piece's weight is read once, and again only when it is joined: re-reading every
    # piece after each join made a line of many short pieces quadratic ("a, a, a, …": 2.3 s
    # for 5,000 characters)
    pieces = _join_short(text, pieces, min_words, max_clauses)
    if len(pieces) < 2:
        return ()
    return tuple(Clause(a, b, text[a:b]) for a, b in pieces)


def _join_short(
    text: str, pieces: list[tuple[int, int]], min_words: int, max_clauses: int
) -> list[tuple[int, int]]:
    """Join the shortest piece (fewest words, then fewest characters, then first) to its
    shorter neighbour (see :func:`_join`) until every piece has ``min_words`` and there are at
    most ``max_clauses``.

    The pieces live in a linked list and the shortest is taken from a heap keyed by (words,
    characters, start), stale entries skipped: the start orders pieces as their index does, so
    the choice is :func:`_join`'s on a list, without a scan of every piece per join (a line of
    many short pieces, "a, a, a, …", was quadratic).
    """
    n = len(pieces)
    start = [a for a, _ in pieces]
    end = [b for _, b in pieces]
    words = [_weight(text[a:b]) for a, b in pieces]
    prev = list(range(-1, n - 1))
    succ = [*range(1, n), -1]
    alive = [True] * n
    heap = [(words[i], end[i] - start[i], start[i], i) for i in range(n)]
    heapq.heapify(heap)
    left = n
    while left > 1:
        count, length, _, k = heap[0]
        if not alive[k] or (count, length) != (words[k], end[k] - start[k]):
            heapq.heappop(heap)
            continue
        if count >= min_words and left <= max_clauses:
            break
        before, after = prev[k], succ[k]
        if before < 0:
            other = after
        elif after < 0:
            other = before
        else:
            shorter_left = end[before] - start[before] <= end[after] - start[after]
            other = before if shorter_left else after
        keep, gone = (k, other) if start[k] < start[other] else (other, k)
        end[keep] = end[gone]
        words[keep] = _weight(text[start[keep] : end[keep]])
        alive[gone] = False
        succ[keep] = succ[gone]
        if succ[gone] >= 0:
            prev[succ[gone]] = keep
        left -= 1
        heapq.heappush(heap, (words[keep], end[keep] - start[keep], start[keep], keep))
    out = []
    i = 0 if n else -1
    while i >= 0:
        out.append((start[i], end[i]))
        i = succ[i]
    return out


def clause_texts(
    texts: Iterable[str], *, min_words: int = 4, max_clauses: int = 4
) -> list[tuple[Clause, ...]]:
    """:func:`split_clauses` of every text (``min_words`` and ``max_clauses`` as for it)."""
    return [split_clauses(t, min_words=min_words, max_clauses=max_clauses) for t in texts]
