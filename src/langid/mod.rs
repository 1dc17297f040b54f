//! Language identification: the langid.py naive-Bayes model (97 languages,
//! byte n-grams), scored sparsely over a bounded, evenly spread sample of
//! the text.
//!
//! Why this model: of the detectors compared on the dev corpora (README,
//! "Language identification"), it is the only one that knows every EU
//! language including Maltese and Irish and is ≥ 0.98 accurate on each,
//! and scoring only the features present in the text makes it fast enough
//! (tens of thousands of 2 KB documents per second per core). The model
//! file is vendored (`model.bin.zst`, see `NOTICE.md`) because the crate
//! that ships it (`langid-rs`) keeps it private behind a dense scorer that
//! is twenty times slower.
//!
//! The score of a language is the mean, over the scored windows weighted by
//! their length, of the language's posterior probability in that window:
//! about the share of the sampled text that is in the language. A page
//! half in German and half in English scores about 0.5, whatever its length.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The vendored model: langid.py's `model.bin` as serialised by langid-rs.
const MODEL_ZST: &[u8] = include_bytes!("model.bin.zst");

/// Windows per sample, and the bytes one window holds by default.
const WINDOWS: usize = 4;

/// Shortest line the `lines` mode labels on its own (bytes); shorter lines
/// (menus, headings, numbers) carry too little evidence.
const MIN_LINE_BYTES: usize = 24;

/// The model: class labels, priors, per-feature log-probabilities and the
/// byte automaton that finds the features.
pub struct Model {
    /// ISO 639-1 labels, one per class (`nb` reported as `no`).
    labels: Vec<&'static str>,
    /// Per class: index into the deduplicated label list.
    label_of: Vec<usize>,
    /// Distinct labels (what `lang` can be).
    distinct: Vec<&'static str>,
    nclass: usize,
    /// Features × classes, row-major.
    ptc: Vec<f32>,
    /// Class priors.
    pc: Vec<f32>,
    /// Automaton: next state for (state, byte).
    next: Vec<u16>,
    /// Per state, the range of `out` holding the features it completes.
    out_off: Vec<u32>,
    out: Vec<u32>,
    nfeat: usize,
}

/// Per-worker buffers of the scorer.
#[derive(Debug, Default)]
pub struct LangidScratch {
    counts: Vec<u32>,
    touched: Vec<u32>,
    window: Vec<f32>,
    total: Vec<f32>,
    share: Vec<f64>,
    lines: Vec<(usize, usize)>,
}

/// How a document's language is decided.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum LangidMode {
    /// Score an evenly spread sample of the whole text.
    #[default]
    Sample,
    /// Label lines of at least 24 bytes one by one (an evenly spread
    /// selection of them, within the sample budget × 4); the language with
    /// the most bytes wins and its share of the bytes is the score. For
    /// pages that mix languages.
    Lines,
}

/// A language decision: the label (empty when the text has no letters) and
/// its score in 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    pub lang: &'static str,
    pub score: f32,
}

impl Guess {
    const NONE: Guess = Guess { lang: "", score: 0.0 };
}

fn u32_at(b: &[u8], off: &mut usize) -> Option<u32> {
    let v = u32::from_le_bytes(b.get(*off..*off + 4)?.try_into().ok()?);
    *off += 4;
    Some(v)
}

fn bytes_at<'a>(b: &'a [u8], off: &mut usize, n: usize) -> Option<&'a [u8]> {
    let s = b.get(*off..off.checked_add(n)?)?;
    *off += n;
    Some(s)
}

/// The full model (all 97 classes), decoded once per process.
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let raw = zstd::decode_all(MODEL_ZST).expect("the vendored language model decompresses");
        Model::parse(&raw).expect("the vendored language model is well formed")
    })
}

impl Model {
    /// Parses langid-rs's serialisation: rows, cols, ptc (f32), pc, the
    /// automaton's transitions (u16), class names, per-state outputs.
    fn parse(b: &[u8]) -> Option<Model> {
        let mut off = 0;
        let rows = u32_at(b, &mut off)? as usize;
        let cols = u32_at(b, &mut off)? as usize;
        let f32s = |s: &[u8]| s.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        let ptc: Vec<f32> = f32s(bytes_at(b, &mut off, rows.checked_mul(cols)?.checked_mul(4)?)?);
        let npc = u32_at(b, &mut off)? as usize;
        let pc: Vec<f32> = f32s(bytes_at(b, &mut off, npc * 4)?);
        let nnext = u32_at(b, &mut off)? as usize;
        let next: Vec<u16> =
            bytes_at(b, &mut off, nnext * 2)?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        let ncl = u32_at(b, &mut off)? as usize;
        let mut labels = Vec::with_capacity(ncl);
        for _ in 0..ncl {
            let n = u32_at(b, &mut off)? as usize;
            let name = std::str::from_utf8(bytes_at(b, &mut off, n)?).ok()?;
            // Bokmål and "Norwegian" are one language for users; Nynorsk
            // keeps its own code.
            let name = if name == "nb" { "no" } else { name };
            labels.push(&*Box::leak(name.to_string().into_boxed_str()));
        }
        let nstates = nnext / 256;
        let mut per_state: Vec<Vec<u32>> = vec![Vec::new(); nstates];
        let nout = u32_at(b, &mut off)? as usize;
        for _ in 0..nout {
            let state = u32_at(b, &mut off)? as usize;
            let n = u32_at(b, &mut off)? as usize;
            let feats = bytes_at(b, &mut off, n.checked_mul(4)?)?;
            let v = feats.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            *per_state.get_mut(state)? = v;
        }
        if off != b.len() || cols != ncl || npc != ncl || nnext % 256 != 0 {
            return None;
        }
        let mut out_off = Vec::with_capacity(nstates + 1);
        let mut out = Vec::new();
        out_off.push(0);
        for v in &per_state {
            if v.iter().any(|&f| f as usize >= rows) {
                return None;
            }
            out.extend_from_slice(v);
            out_off.push(out.len() as u32);
        }
        if next.iter().any(|&s| s as usize >= nstates) {
            return None;
        }
        Some(Model::assemble(labels, ptc, pc, next, out_off, out, rows))
    }

    fn assemble(
        labels: Vec<&'static str>,
        ptc: Vec<f32>,
        pc: Vec<f32>,
        next: Vec<u16>,
        out_off: Vec<u32>,
        out: Vec<u32>,
        nfeat: usize,
    ) -> Model {
        let mut distinct: Vec<&'static str> = Vec::new();
        let label_of = labels
            .iter()
            .map(|l| match distinct.iter().position(|d| d == l) {
                Some(i) => i,
                None => {
                    distinct.push(l);
                    distinct.len() - 1
                }
            })
            .collect();
        Model { nclass: labels.len(), labels, label_of, distinct, ptc, pc, next, out_off, out, nfeat }
    }

    /// The languages the model can answer (ISO 639-1).
    pub fn languages(&self) -> &[&'static str] {
        &self.distinct
    }

    /// A model restricted to the classes whose label is in `keep` (so it
    /// never answers another language). Unknown codes are ignored; see
    /// [`Model::languages`].
    pub fn restricted(&self, keep: &[String]) -> Model {
        let idx: Vec<usize> = (0..self.nclass).filter(|&c| keep.iter().any(|k| k == self.labels[c])).collect();
        let mut ptc = Vec::with_capacity(self.nfeat * idx.len());
        for f in 0..self.nfeat {
            let row = &self.ptc[f * self.nclass..(f + 1) * self.nclass];
            ptc.extend(idx.iter().map(|&c| row[c]));
        }
        Model::assemble(
            idx.iter().map(|&c| self.labels[c]).collect(),
            ptc,
            idx.iter().map(|&c| self.pc[c]).collect(),
            self.next.clone(),
            self.out_off.clone(),
            self.out.clone(),
            self.nfeat,
        )
    }

    /// Adds the log-likelihood of `text`'s features to `scores` (one per
    /// class, priors not included); returns the number of features seen.
    fn accumulate(&self, text: &[u8], s: &mut LangidScratch) -> u32 {
        if s.counts.len() != self.nfeat {
            s.counts = vec![0; self.nfeat];
        }
        let mut state = 0usize;
        let mut seen = 0u32;
        for &b in text {
            state = self.next[(state << 8) | b as usize] as usize;
            let (from, to) = (self.out_off[state] as usize, self.out_off[state + 1] as usize);
            for &f in &self.out[from..to] {
                let c = &mut s.counts[f as usize];
                if *c == 0 {
                    s.touched.push(f);
                }
                *c += 1;
                seen += 1;
            }
        }
        s.window.clear();
        s.window.extend_from_slice(&self.pc);
        let n = self.nclass;
        for &f in &s.touched {
            let c = std::mem::take(&mut s.counts[f as usize]) as f32;
            let row = &self.ptc[f as usize * n..(f as usize + 1) * n];
            for (w, p) in s.window.iter_mut().zip(row) {
                *w += c * p;
            }
        }
        s.touched.clear();
        seen
    }

    /// Posterior of each distinct label in the last scored window, added
    /// to `share` with weight `w`.
    fn add_posterior(&self, s: &mut LangidScratch, w: f64) {
        let max = s.window.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut sum = 0f64;
        for v in &s.window {
            sum += f64::from(v - max).exp();
        }
        for (c, v) in s.window.iter().enumerate() {
            s.share[self.label_of[c]] += w * f64::from(v - max).exp() / sum;
        }
    }

    fn reset(&self, s: &mut LangidScratch) {
        s.total.clear();
        s.total.resize(self.nclass, 0.0);
        s.share.clear();
        s.share.resize(self.distinct.len(), 0.0);
    }

    /// The language of `text` from at most `budget` bytes of it.
    pub fn identify(&self, text: &str, mode: LangidMode, budget: usize, s: &mut LangidScratch) -> Guess {
        if !text.chars().any(char::is_alphabetic) || self.nclass == 0 {
            return Guess::NONE;
        }
        match mode {
            LangidMode::Sample => self.by_sample(text, budget, s),
            LangidMode::Lines => self.by_lines(text, budget.saturating_mul(WINDOWS), s),
        }
    }

    fn by_sample(&self, text: &str, budget: usize, s: &mut LangidScratch) -> Guess {
        self.reset(s);
        let mut weight = 0f64;
        for (a, b) in windows(text, budget) {
            let piece = &text.as_bytes()[a..b];
            if self.accumulate(piece, s) == 0 {
                continue;
            }
            for (t, w) in s.total.iter_mut().zip(&s.window) {
                *t += w;
            }
            let w = piece.len() as f64;
            weight += w;
            self.add_posterior(s, w);
        }
        if weight == 0.0 {
            return Guess::NONE;
        }
        // The label is the argmax of the whole sample's likelihood (priors
        // counted once per window, as if each window were a document);
        // its score the length-weighted mean of its window posteriors.
        let best = argmax(&s.total);
        let label = self.label_of[best];
        Guess { lang: self.distinct[label], score: (s.share[label] / weight).clamp(0.0, 1.0) as f32 }
    }

    fn by_lines(&self, text: &str, budget: usize, s: &mut LangidScratch) -> Guess {
        s.lines.clear();
        let mut pos = 0;
        let mut total = 0usize;
        for line in text.split_inclusive('\n') {
            let t = line.trim();
            if t.len() >= MIN_LINE_BYTES {
                let start = pos + (t.as_ptr() as usize - line.as_ptr() as usize);
                s.lines.push((start, start + t.len()));
                total += t.len().min(budget);
            }
            pos += line.len();
        }
        if s.lines.is_empty() {
            return self.by_sample(text, budget / WINDOWS, s);
        }
        // An evenly spread selection of lines within the budget, each line
        // cut to the budget of one window.
        let per_line = (budget / WINDOWS).max(MIN_LINE_BYTES);
        let n = s.lines.len();
        let take = if total <= budget { n } else { (budget / per_line).clamp(1, n) };
        self.reset(s);
        let mut weight = 0f64;
        for k in 0..take {
            let i = if take == n { k } else { k * (n - 1) / (take - 1).max(1) };
            let (a, b) = s.lines[i];
            let end = a + cut_at_space(&text[a..b], per_line).len();
            let piece = &text.as_bytes()[a..end];
            if self.accumulate(piece, s) == 0 {
                continue;
            }
            let best = argmax(&s.window);
            let w = piece.len() as f64;
            s.share[self.label_of[best]] += w;
            weight += w;
        }
        if weight == 0.0 {
            return Guess::NONE;
        }
        let best = s.share.iter().enumerate().fold(0, |b, (i, &v)| if v > s.share[b] { i } else { b });
        Guess { lang: self.distinct[best], score: (s.share[best] / weight) as f32 }
    }
}

fn argmax(v: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in v.iter().enumerate() {
        if x > v[best] {
            best = i;
        }
    }
    best
}

/// The longest prefix of `s` of at most `max` bytes that ends at a char
/// boundary, and at whitespace when there is some in its second half.
fn cut_at_space(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    match s[..end].rfind(char::is_whitespace) {
        Some(p) if p >= end / 2 => &s[..p],
        _ => &s[..end],
    }
}

/// The byte ranges of `text` that are scored: the whole text in up to four
/// pieces of ≥ 200 bytes when it fits the budget, else four windows of
/// budget/4 bytes spread evenly from its start to its end, starting after
/// whitespace and cut at whitespace where possible.
pub fn windows(text: &str, budget: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let len = text.len();
    let (count, w) = if len <= budget {
        let count = (len / 200).clamp(1, WINDOWS);
        (count, len.div_ceil(count))
    } else {
        (WINDOWS, (budget / WINDOWS).max(1))
    };
    let short = len <= budget;
    let mut last_end = 0;
    (0..count).filter_map(move |i| {
        let mut start = if short { last_end } else { (len - w) * i / (count - 1).max(1) };
        while !text.is_char_boundary(start) {
            start += 1;
        }
        if start > 0 && !short {
            // Past the whitespace character, whatever its width (a
            // no-break space is two bytes).
            let next = text[start..].char_indices().find(|&(_, c)| c.is_whitespace());
            if let Some((p, c)) = next.filter(|&(p, _)| p < w / 2) {
                start += p + c.len_utf8();
            }
        }
        start = start.max(last_end).min(len);
        let piece = if short && i + 1 == count { &text[start..] } else { cut_at_space(&text[start..], w) };
        let end = start + piece.len();
        last_end = end;
        (end > start).then_some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(text: &str) -> Guess {
        model().identify(text, LangidMode::Sample, 1024, &mut LangidScratch::default())
    }

    #[test]
    fn the_vendored_model_is_langid_rs_model_bin_unchanged() {
        use sha2::{Digest, Sha256};
        let raw = zstd::decode_all(MODEL_ZST).unwrap();
        let hex: String = Sha256::digest(&raw).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "e22c480ac7464164f64d5197d305dd6ea7f6b9e2bd1dcf5be63cabb3451e196f", "see NOTICE.md");
        assert!(Model::parse(&raw[..raw.len() - 1]).is_none(), "a truncated model is refused");
    }

    #[test]
    fn the_model_knows_every_language_the_issue_requires() {
        let required = [
            "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl",
            "pl", "pt", "ro", "sk", "sl", "sv", "no", "is", "ca", "eu", "gl", "uk", "sr", "bs", "mk", "sq", "tr", "ru",
        ];
        for l in required {
            assert!(model().languages().contains(&l), "{l}");
        }
        assert!(!model().languages().contains(&"nb"), "nb is reported as no");
        assert_eq!(model().languages().len(), 96);
    }

    #[test]
    fn labels_real_sentences() {
        // Short real sentences (written for this test).
        let cases = [
            ("de", "Die Kommission hat heute einen Vorschlag für eine neue Verordnung über künstliche Intelligenz vorgelegt, die in allen Mitgliedstaaten gelten soll."),
            ("fr", "La Commission a présenté aujourd'hui une proposition de règlement sur l'intelligence artificielle qui s'appliquera dans tous les États membres."),
            ("mt", "Il-Kummissjoni llum ippreżentat proposta għal regolament ġdid dwar l-intelliġenza artifiċjali li se japplika fl-Istati Membri kollha."),
            ("ga", "Chuir an Coimisiún togra faoi bhráid inniu maidir le rialachán nua ar an intleacht shaorga a bheidh i bhfeidhm sna Ballstáit go léir."),
            ("pl", "Komisja przedstawiła dziś wniosek dotyczący nowego rozporządzenia w sprawie sztucznej inteligencji, które będzie obowiązywać we wszystkich państwach członkowskich."),
            ("el", "Η Επιτροπή παρουσίασε σήμερα πρόταση για νέο κανονισμό σχετικά με την τεχνητή νοημοσύνη, ο οποίος θα ισχύει σε όλα τα κράτη μέλη."),
            ("bg", "Комисията представи днес предложение за нов регламент относно изкуствения интелект, който ще се прилага във всички държави членки."),
        ];
        for (want, text) in cases {
            let g = guess(text);
            assert_eq!(g.lang, want, "{text}");
            assert!(g.score > 0.9, "{want}: {}", g.score);
        }
    }

    #[test]
    fn no_letters_no_language() {
        for t in ["", "   ", "12 345 678", "!!! ??? ---", "\u{1F600}\u{1F600}"] {
            assert_eq!(guess(t), Guess::NONE, "{t:?}");
        }
    }

    #[test]
    fn a_page_half_in_two_languages_scores_about_half() {
        let de = "Die Kommission hat heute einen Vorschlag für eine neue Verordnung vorgelegt. ".repeat(8);
        let en =
            "The Commission presented a proposal for a new regulation on artificial intelligence today. ".repeat(8);
        let g = guess(&format!("{de}{en}"));
        assert!(g.lang == "de" || g.lang == "en");
        assert!((0.3..0.7).contains(&g.score), "{}", g.score);
        let pure = guess(&de.repeat(3));
        assert_eq!(pure.lang, "de");
        assert!(pure.score > 0.99, "{}", pure.score);
    }

    #[test]
    fn lines_mode_takes_the_majority_language_by_bytes() {
        let mut text = String::new();
        for i in 0..6 {
            text.push_str(&format!("Der Ausschuss hat den Bericht in seiner Sitzung Nummer {i} angenommen.\n"));
        }
        text.push_str("Cookie policy: we use cookies to improve your experience on this site.\nMenu\nHome\n");
        let g = model().identify(&text, LangidMode::Lines, 1024, &mut LangidScratch::default());
        assert_eq!(g.lang, "de");
        assert!((0.75..0.95).contains(&g.score), "{}", g.score);
        // Without a line long enough, the text is sampled as a whole.
        let g = model().identify("Guten Tag\nHallo\n", LangidMode::Lines, 1024, &mut LangidScratch::default());
        assert_eq!(g.lang, guess("Guten Tag\nHallo\n").lang);
    }

    #[test]
    fn long_documents_cost_the_budget_only() {
        let text = "Ο κανονισμός εφαρμόζεται σε όλα τα κράτη μέλη της Ένωσης. ".repeat(2000);
        let ws: Vec<_> = windows(&text, 1024).collect();
        assert_eq!(ws.len(), 4);
        assert!(ws.iter().all(|&(a, b)| b - a <= 256 && text.is_char_boundary(a) && text.is_char_boundary(b)));
        assert!(ws[3].1 > text.len() - 300, "the last window reaches the end");
        assert_eq!(guess(&text).lang, "el");
    }

    #[test]
    fn short_texts_are_scored_whole() {
        for text in
            ["Hallo Welt, wie geht es dir heute?", &"Ein längerer deutscher Satz mit vielen Wörtern. ".repeat(15)]
        {
            let ws: Vec<_> = windows(text, 1024).collect();
            assert_eq!(ws.first().unwrap().0, 0);
            assert_eq!(ws.last().unwrap().1, text.len());
            assert!(ws.windows(2).all(|p| p[0].1 <= p[1].0), "{ws:?}");
            let covered: usize = ws.iter().map(|(a, b)| b - a).sum();
            assert!(covered + ws.len() >= text.len(), "only separators are skipped");
        }
    }

    #[test]
    fn windows_hold_on_any_text() {
        let mut x = 0x2545F4914F6CDD1Du64;
        // Whitespace of one, two and three bytes: a window starts after one
        // (a fuzzer found a no-break space cut in half).
        let alphabet = ['a', 'é', 'ħ', ' ', '\n', 'Ж', '字', '\u{1F600}', '.', '\u{A0}', '\u{3000}'];
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 3000) as usize;
            let text: String = (0..len).map(|i| alphabet[(x as usize >> (i % 48)) % alphabet.len()]).collect();
            let budget = 16 + (x % 2048) as usize;
            let mut last = 0;
            for (a, b) in windows(&text, budget) {
                assert!(a >= last && a < b && b <= text.len());
                assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                last = b;
            }
            let _ = model().identify(&text, LangidMode::Lines, budget, &mut LangidScratch::default());
        }
    }

    #[test]
    fn restricting_the_classes_changes_only_the_candidates() {
        let m = model().restricted(&["de".to_string(), "nl".to_string()]);
        assert_eq!(m.languages(), ["de", "nl"]);
        let mut s = LangidScratch::default();
        let g = m.identify("The committee adopted the report at its meeting.", LangidMode::Sample, 1024, &mut s);
        assert!(g.lang == "de" || g.lang == "nl");
        let g = m.identify("Der Ausschuss hat den Bericht angenommen.", LangidMode::Sample, 1024, &mut s);
        assert_eq!(g.lang, "de");
    }
}
