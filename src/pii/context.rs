//! Context words: the labels that announce an identifier in running text
//! ("Tel.", "PESEL", "numéro de TVA") and those that announce a number that
//! is *not* personal data ("Bestellnummer", "ISBN", "version").
//!
//! Only candidates that already passed their validator are looked at, so
//! this is off the hot path: the window before a candidate is lower-cased
//! once and searched for each word at a word start.

/// Bytes before a candidate searched for a label.
pub const WINDOW_BEFORE: usize = 64;
/// Bytes after a candidate searched for a label (`44051401359 (PESEL)`).
pub const WINDOW_AFTER: usize = 40;

/// Words announcing a phone number, in the EU languages.
pub const PHONE: &[&str] = &[
    "tel",
    "tél",
    "telefon",
    "telephone",
    "téléphone",
    "phone",
    "mobile",
    "mobil",
    "handy",
    "fax",
    "gsm",
    "portable",
    "cellulare",
    "cell",
    "móvil",
    "movil",
    "telemóvel",
    "telemovel",
    "telefone",
    "telefono",
    "teléfono",
    "τηλ",
    "κινητ",
    "тел",
    "моб",
    "puh",
    "matkapuh",
    "tlf",
    "mob",
    "telefoon",
    "komórk",
    "komork",
    "numer tel",
    "mobitel",
    "telefonszám",
    "tālr",
    "tālrun",
    "mobilais",
    "telefono nr",
    "mobilus",
    "telefoni",
    "mobiil",
    "mobiltelefon",
    "call",
    "ring",
    "ruf",
    "anruf",
    "erreichbar",
    "appel",
    "appelez",
    "chiam",
    "llam",
    "ligue",
    "bel ",
    "zadzwo",
    "whatsapp",
    "sms",
    "rufnummer",
    "contact",
    "kontakt",
    "contatto",
    "contacto",
    "numru",
    "ċempel",
    "glao",
    "uimhir",
    "fón",
    "hívj",
    "zavolej",
    "zavolaj",
    "nazovi",
    "pokliči",
    "soita",
    "ring",
    "helista",
    "zvaniet",
    "skambink",
    "обадете",
    "τηλεφων",
    "τηλέφων",
    "κιν",
    "tlm",
    "~zvan",
];

/// Words announcing a payment card number.
pub const CARD: &[&str] = &[
    "card",
    "~karte",
    "~kart",
    "~kort",
    "carte",
    "carta",
    "tarjeta",
    "cartão",
    "cartao",
    "~kaart",
    "~kaard",
    "~kárty",
    "~karty",
    "~kartic",
    "cárta",
    "chárta",
    "gcárta",
    "κάρτα",
    "κάρτας",
    "карта",
    "visa",
    "mastercard",
    "maestro",
    "amex",
    "american express",
    "diners",
    "jcb",
    "discover",
    "cb ",
    "pan",
    "credit",
    "crédit",
    "kredit",
    "kredyt",
];

/// Words announcing a number that is not personal data: order, invoice,
/// article, tracking and reference numbers, ISBNs, legal citations (and,
/// in [`VERSION`], versions).
pub const NOT_PERSONAL: &[&str] = &[
    "réf",
    "ersatzteil",
    "varuosa",
    "náhradn",
    "pièce",
    "ricambio",
    "recambio",
    "peça",
    "część",
    "díl",
    "alkatrész",
    "varaosa",
    "reservdel",
    "reservedel",
    "onderdeel",
    "резервн",
    "ανταλλακτικ",
    "rezervn",
    "nadomestn",
    "atsarginė",
    "rezerves",
    "preces kods",
    "isbn",
    "issn",
    "ean",
    "gtin",
    "sku",
    "art.-nr",
    "art.nr",
    "artikel",
    "artnr",
    "bestell",
    "auftrag",
    "rechnung",
    "invoice",
    "order",
    "commande",
    "facture",
    "ordine",
    "fattura",
    "pedido",
    "factura",
    "encomenda",
    "fatura",
    "bestelling",
    "factuur",
    "zamówieni",
    "zamowieni",
    "faktur",
    "objednávk",
    "objednavk",
    "tilaus",
    "lasku",
    "beställning",
    "ordre",
    "παραγγελ",
    "τιμολόγ",
    "поръчк",
    "фактур",
    "rendelés",
    "számla",
    "narudžb",
    "račun",
    "naročil",
    "užsakym",
    "sąskait",
    "pasūtījum",
    "rēķin",
    "tellimus",
    "arve",
    "ordni",
    "tracking",
    "sendung",
    "paket",
    "colis",
    "spedizion",
    "envío",
    "envio",
    "zásilk",
    "przesyłk",
    "lähetys",
    "försändelse",
    "ref",
    "référence",
    "reference",
    "riferimento",
    "referencia",
    "referência",
    "referentie",
    "serial",
    "serien",
    "série",
    "seriale",
    "lot",
    "charge",
    "modell",
    "model",
    "produkt",
    "product",
    "produit",
    "prodotto",
    "producto",
    "kundennummer",
    "customer no",
    "client n",
    "aktenzeichen",
    "az.",
    "dossier",
    "pratica",
    "expediente",
    "ticket",
    "case",
    "sag",
    "ärende",
    "ärendenummer",
    "vorgang",
    "patent",
    "doi",
    "arxiv",
    "pmid",
    "§",
    "art.",
    "abs.",
    "gesetz",
    "loi",
    "legge",
    "ley",
    "lei",
    "wet",
    "ustawa",
    "zákon",
    "törvény",
    "lag",
    "laki",
    "seadus",
    "likums",
    "įstatym",
    "закон",
    "νόμος",
    "directive",
    "richtlinie",
    "regulation",
    "verordnung",
    "règlement",
    "regolamento",
    "reglamento",
    "regulamento",
    "verordening",
    "rozporządzeni",
];

/// Distance added to labels found after a candidate.
const AFTER_PENALTY: usize = 32;

/// The part of `start..end`'s line within `before` bytes before it and
/// `after` bytes after it, on char boundaries. Only that span is searched
/// for line breaks: a document that is one 200 MB line costs the same per
/// candidate as a short one.
pub(crate) fn line_around(text: &str, start: usize, end: usize, before: usize, after: usize) -> (usize, usize) {
    let mut a = start.saturating_sub(before);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = end.saturating_add(after).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let a = memchr::memrchr(b'\n', &text.as_bytes()[a..start]).map_or(a, |k| a + k + 1);
    let b = memchr::memchr(b'\n', &text.as_bytes()[end..b]).map_or(b, |k| end + k);
    (a, b)
}

/// The lower-cased window around bytes `start..end` of `text`.
fn window(text: &str, start: usize, end: usize) -> (String, usize) {
    // The label of a value is on its line: a line break ends the window.
    let (a, b) = line_around(text, start, end, WINDOW_BEFORE, WINDOW_AFTER);
    let before = text[a..start].to_lowercase();
    let split = before.len();
    let mut w = before;
    w.push(' ');
    w.push_str(&text[end..b].to_lowercase());
    (w, split)
}

/// A word list compiled into one automaton: the window is scanned once per
/// list instead of once per word.
struct Labels {
    ac: aho_corasick::AhoCorasick,
    /// Per pattern: may match inside a word (`~` prefix).
    inside: Vec<bool>,
}

impl Labels {
    fn new(words: &[&str]) -> Labels {
        let (pats, inside): (Vec<&str>, Vec<bool>) = words
            .iter()
            .map(|w| match w.strip_prefix('~') {
                Some(stem) => (stem, true),
                None => (*w, false),
            })
            .unzip();
        let ac = aho_corasick::AhoCorasick::new(&pats).expect("label lists are small");
        Labels { ac, inside }
    }
}

/// The compiled form of a static word list, built once per list (keyed by
/// its address) and cached per thread.
fn labels(words: &'static [&'static str]) -> &'static Labels {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static GLOBAL: OnceLock<Mutex<HashMap<usize, &'static Labels>>> = OnceLock::new();
    thread_local! {
        static LOCAL: std::cell::RefCell<HashMap<usize, &'static Labels>> = Default::default();
    }
    let key = words.as_ptr() as usize;
    LOCAL.with(|l| {
        if let Some(x) = l.borrow().get(&key) {
            return *x;
        }
        let global = GLOBAL.get_or_init(Default::default);
        let x = *global
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(key)
            .or_insert_with(|| Box::leak(Box::new(Labels::new(words))));
        l.borrow_mut().insert(key, x);
        x
    })
}

/// Where the nearest of `words` occurs in the window around `start..end`:
/// its distance in bytes from the candidate (0 right next to it), or
/// `None`. A word matches at a word start (`tel` not in `Hotel`), with
/// `whole_short` a word of three letters or fewer only as a whole word, and
/// a word written with a leading `~` anywhere (`~kort` in `kreditkort`).
fn nearest(w: &str, split: usize, words: &'static [&'static str], whole_short: bool) -> Option<usize> {
    let lab = labels(words);
    let mut best: Option<usize> = None;
    for m in lab.ac.find_overlapping_iter(w) {
        let (pos, end) = (m.start(), m.end());
        let inside = lab.inside[m.pattern().as_usize()];
        let at_word_start = w[..pos].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        if !at_word_start && !inside {
            continue;
        }
        // Short words that veto a value count only whole (`lei` is a law,
        // not `Leipzig`); short labels are prefixes (`tel`, `puh`).
        let whole = w[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if whole_short && w[pos..end].chars().count() <= 3 && !inside && !whole {
            continue;
        }
        // A label after the candidate counts less than one before it
        // (`44051401359 (PESEL)` is rarer than `PESEL: 44051401359`).
        let d = if pos < split { split - end.min(split) } else { pos - split + AFTER_PENALTY };
        best = Some(best.map_or(d, |b| b.min(d)));
    }
    best
}

/// Words announcing a version number (`1.2.3.4` is then no IP address).
pub const VERSION: &[&str] = &[
    "version",
    "versione",
    "versión",
    "versão",
    "versie",
    "wersj",
    "verze",
    "verzi",
    "versio",
    "release",
    "build",
    "v.",
    "ver.",
    "firmware",
    "update",
    "верси",
    "έκδοσ",
    "leagan",
    "versij",
    "različic",
    "verzió",
    "inačic",
    "verzia",
    "versioon",
    "~υλικολογισμικ",
    "фърмуер",
    "laiteohjelmisto",
    "programvar",
    "aparātprogrammatūr",
    "aparatinės",
    "softwar",
    "frissít",
    "aktualiz",
    "päivit",
    "opdater",
    "uppdater",
    "ενημέρωσ",
    "актуализ",
];

/// Whether one of `words` occurs at a word start near `start..end`.
pub fn near(text: &str, start: usize, end: usize, words: &'static [&'static str]) -> bool {
    let (w, split) = window(text, start, end);
    nearest(&w, split, words, true).is_some()
}

/// What the words around a candidate say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A label of the wanted kind is nearer than any "not personal" label.
    For,
    /// A "not personal" label is nearer (or the only one).
    Against,
    /// No label either way.
    None,
}

/// The words that speak against a value being personal.
const AGAINST: &[&[&str]] = &[NOT_PERSONAL, VERSION];

/// Weighs the labels for `wanted` against the "not personal" ones around
/// `start..end`.
pub fn evidence(text: &str, start: usize, end: usize, wanted: &'static [&'static str]) -> Evidence {
    Around::new(text, start, end).evidence(wanted)
}

/// The distance in bytes from `start..end` to the nearest of `words` on its
/// line (labels after it count [`AFTER_PENALTY`] more), or `None`.
pub fn label_distance(text: &str, start: usize, end: usize, words: &'static [&'static str]) -> Option<usize> {
    let (w, split) = window(text, start, end);
    nearest(&w, split, words, false)
}

/// Labels of identifiers that are not phone numbers: the national-ID
/// labels of every scheme and the words for bank accounts and VAT numbers.
pub fn id_labels() -> &'static [&'static str] {
    static LABELS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| {
        let mut v: Vec<&'static str> =
            super::national_id::schemes().iter().flat_map(|s| s.context.iter().copied()).collect();
        v.extend([
            "iban",
            "bic",
            "kontonummer",
            "kontonr",
            "account",
            "compte",
            "conto",
            "cuenta",
            "vat",
            "ust",
            "mwst",
            "tva",
            "iva",
            "btw",
            "moms",
            "alv",
            "áfa",
            "dph",
            "dič",
            "pvm",
            "pvn",
            "kmkr",
            "ddv",
            "pdv",
            "nif",
            "nipc",
            "cif",
            "nip",
            "ддс",
            "φπα",
            "α.φ.μ",
            "cui",
            "cvr",
            "regon",
            "krs",
            "ičo",
            "ico",
        ]);
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// Weighs the labels for `wanted` against those of every list in `against`.
pub fn evidence_vs(
    text: &str,
    start: usize,
    end: usize,
    wanted: &'static [&'static str],
    against: &[&'static [&'static str]],
) -> Evidence {
    let (w, split) = window(text, start, end);
    let pos = nearest(&w, split, wanted, false);
    let neg = against.iter().filter_map(|a| nearest(&w, split, a, true)).min();
    weigh(pos, neg)
}

/// The evidence of the nearest word for and the nearest word against.
fn weigh(pos: Option<usize>, neg: Option<usize>) -> Evidence {
    match (pos, neg) {
        (Some(p), Some(n)) if p <= n => Evidence::For,
        (Some(_), None) => Evidence::For,
        (_, Some(_)) => Evidence::Against,
        (None, None) => Evidence::None,
    }
}

/// The window around one candidate, lower-cased once for all the word
/// lists asked about it: a number that several national-ID schemes accept
/// is weighed against each scheme's labels, and the words against it
/// (statute numbers, versions) are the same for all.
pub struct Around {
    w: String,
    split: usize,
    against: Option<Option<usize>>,
}

impl Around {
    pub fn new(text: &str, start: usize, end: usize) -> Around {
        let (w, split) = window(text, start, end);
        Around { w, split, against: None }
    }

    /// [`evidence`] of `wanted` for this candidate.
    pub fn evidence(&mut self, wanted: &'static [&'static str]) -> Evidence {
        let Around { w, split, against } = self;
        let pos = nearest(w, *split, wanted, false);
        let neg = *against.get_or_insert_with(|| AGAINST.iter().filter_map(|a| nearest(w, *split, a, true)).min());
        weigh(pos, neg)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_line_around_a_value_is_bounded_and_stops_at_line_breaks() {
        let t = "abc\ndéf 123 ghi\njkl";
        let (s, e) = (t.find("123").unwrap(), t.find("123").unwrap() + 3);
        assert_eq!(&t[line_around(t, s, e, 100, 100).0..line_around(t, s, e, 100, 100).1], "déf 123 ghi");
        // Bounds inside a character move inward to its boundaries.
        let (a, b) = line_around(t, s, e, 3, 2);
        assert_eq!(&t[a..b], "f 123 g");
        let long = "x ".repeat(10_000) + "4711" + &" y".repeat(10_000);
        let k = long.find("4711").unwrap();
        let (a, b) = line_around(&long, k, k + 4, 10, 20);
        assert_eq!((a, b), (k - 10, k + 24));
    }

    use super::*;

    #[test]
    fn nearest_label_wins() {
        let t = "Bestellnummer 0301234567, Tel. 0301234567";
        let second = t.rfind("0301").unwrap();
        assert_eq!(evidence(t, second, second + 10, PHONE), Evidence::For);
        assert_eq!(evidence(t, 14, 24, PHONE), Evidence::Against);
        assert_eq!(evidence("Ruf an: 0301234567", 8, 18, PHONE), Evidence::For);
        assert_eq!(evidence("Hotel 0301234567", 6, 16, PHONE), Evidence::None, "tel inside a word is no label");
        let g = "ΤΗΛ. 2101234567";
        assert_eq!(evidence(g, 8, g.len(), PHONE), Evidence::For, "Greek, upper case");
        assert_eq!(evidence("Bestellung\n0301234567", 11, 21, PHONE), Evidence::None, "labels are on the line");
        assert_eq!(evidence("Luottokortti: 4111111111111111", 14, 30, CARD), Evidence::For, "inside a compound");
    }
}
