//! Quality of near-duplicate deduplication: recall and precision of the
//! real pipeline (`normalize`, `exact_dedup`, `minhash_dedup`) on a corpus
//! whose duplicates are known.
//!
//!     cargo bench --bench dedup_quality -- [--source-dir ../shared/corpora/dev]
//!         [--docs 20000] [--bands 40 --rows 3 --threshold 0.45 --ngram 5]
//!         [--sweep 40x3@0.45,14x8@0,...] [--seed 1] [--files 8]
//!         [--binary target/release/eurocorpus] [--work-dir DIR]
//!
//! or `scripts/dedup-quality.sh` (same arguments).
//!
//! # The corpus
//!
//! Generated deterministically (SplitMix64, `--seed`) from the real
//! documents of `--source-dir/*.jsonl`, every language. Documents of at
//! least 100 words are candidate *originals*; a candidate whose true
//! Jaccard with an earlier kept candidate is ≥ 0.2 is dropped, so the
//! originals have no natural near-duplicates among themselves. Every
//! original seeds one *cluster*: the original and its copies. Copies are
//! - `exact-K-J`: the original unchanged;
//! - `near-K-wRRop-J`: RR % of its words edited (1, 2, 3, 5, 7, 10, 15, 20), each
//!   edit at a distinct word, `op` = `sub` (a random word of the same
//!   language's vocabulary, frequency-weighted), `ins` (such a word
//!   inserted), `del` (the word deleted) or `mix` (each edit one of the
//!   three);
//! - `near-K-sOPN-J`: N (1–3) sentence edits, `OP` = `swap` (two sentences
//!   exchanged), `drop` (one dropped), `ins` (a sentence of another
//!   document of the same language inserted);
//! - `boiler-K-J`: web boilerplate lines of the language (navigation menu,
//!   cookie banner, share line, footer) added at the start and the end.
//!
//! Half of the clusters have exactly one copy (*2-doc clusters*): their
//! pair can only be found directly, not through a third member, so they
//! give the S-curve of the detector itself. About 15 % of the documents are
//! *distinct* documents (singleton clusters) that share language, source,
//! topic and vocabulary with the rest but copy no single document:
//! `dist-mix-N` interleaves runs of sentences of 3–4 documents of one
//! source, `dist-pair-N` alternates the sentences of two (so it holds about
//! half of each: a true Jaccard near 1/3 with both, a hard case).
//! All documents are shuffled into `--files` JSONL files: which member of a
//! cluster comes first in input order (and is kept) is random.
//!
//! # The measures
//!
//! True Jaccard `J` = that of the word n-gram sets
//! (`eurocorpus::dedup::minhash::true_jaccard`, the pipeline's words and
//! `--ngram`).
//! - **Pair recall.** Each copy `c` of original `o` is a positive pair with
//!   `J(c, o)`; it is *detected* iff not both `c` and `o` survived. Reported
//!   per `J` bin (all pairs, and pairs of 2-doc clusters only) and per kind.
//!   Over all pairs, recall at low `J` has a floor (about 0.7 here) that
//!   says nothing about the detector: when `o` is removed as the duplicate
//!   of another, closer copy, the pair counts as detected although `c`
//!   survives. Pairs of 2-doc clusters have no such third member: their
//!   recall is the detector's own S-curve (compare it with the LSH
//!   candidate probability `1 − (1 − J^rows)^bands`, also printed).
//! - **Cluster recall** = Σ min(removed, size − 1) / Σ (size − 1) over the
//!   clusters with copies: every cluster should keep exactly one member.
//! - **Precision** = (removed − wrongly removed) / removed, where a cluster
//!   (a distinct document being a cluster of one) that kept no member at all
//!   counts one wrongly removed document: content that is gone from the
//!   output. A removed distinct document is the plain case; a lost cluster
//!   is the case where two clusters were merged. *Document precision* (the
//!   fraction of removed documents that have a true duplicate in the corpus)
//!   is shown too; it ignores merged clusters.
//!
//! Each distinct document's highest true Jaccard with any other document of
//! the corpus is reported with the false positives, so that a "false"
//! removal of a document that does overlap another one can be told apart.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use arrow_array::cast::AsArray;
use eurocorpus::dedup::minhash::{shingle_set, true_jaccard};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

// ---------------------------------------------------------------- arguments

#[derive(Debug, Clone, Copy, PartialEq)]
struct Setting {
    bands: usize,
    rows: usize,
    threshold: f64,
}

impl Setting {
    fn name(&self) -> String {
        format!("{}×{} t={}", self.bands, self.rows, self.threshold)
    }

    /// Probability that a pair of true Jaccard `j` shares at least one band.
    fn p_candidate(&self, j: f64) -> f64 {
        1.0 - (1.0 - j.powi(self.rows as i32)).powi(self.bands as i32)
    }
}

struct Args {
    source_dir: PathBuf,
    docs: usize,
    ngram: usize,
    settings: Vec<Setting>,
    binary: PathBuf,
    seed: u64,
    files: usize,
    work_dir: Option<PathBuf>,
}

fn parse_setting(s: &str) -> Result<Setting> {
    let (br, t) = s.split_once('@').context("a sweep entry is BANDSxROWS@THRESHOLD")?;
    let (b, r) = br.split_once(['x', '×']).context("a sweep entry is BANDSxROWS@THRESHOLD")?;
    Ok(Setting { bands: b.trim().parse()?, rows: r.trim().parse()?, threshold: t.trim().parse()? })
}

fn args() -> Result<Args> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut a = Args {
        source_dir: repo.join("../shared/corpora/dev"),
        docs: 20_000,
        ngram: 5,
        settings: Vec::new(),
        binary: PathBuf::from(env!("CARGO_BIN_EXE_eurocorpus")),
        seed: 1,
        files: 8,
        work_dir: None,
    };
    let mut one = Setting { bands: 40, rows: 3, threshold: 0.45 };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--source-dir" => a.source_dir = value()?.into(),
            "--docs" => a.docs = value()?.parse()?,
            "--bands" => one.bands = value()?.parse()?,
            "--rows" => one.rows = value()?.parse()?,
            "--threshold" => one.threshold = value()?.parse()?,
            "--ngram" => a.ngram = value()?.parse()?,
            "--binary" => a.binary = value()?.into(),
            "--seed" => a.seed = value()?.parse()?,
            "--files" => a.files = value()?.parse::<usize>()?.max(1),
            "--work-dir" => a.work_dir = Some(value()?.into()),
            "--sweep" => {
                for s in value()?.split(',').filter(|s| !s.trim().is_empty()) {
                    a.settings.push(parse_setting(s)?);
                }
            }
            "--bench" => {} // added by cargo bench
            "-h" | "--help" => {
                println!("{}", include_str!("dedup_quality.rs").lines().take(11).collect::<Vec<_>>().join("\n"));
                std::process::exit(0);
            }
            other => bail!("unknown argument {other}"),
        }
    }
    if a.settings.is_empty() {
        a.settings.push(one);
    }
    Ok(a)
}

// ---------------------------------------------------------------- randomness

/// The crate's SplitMix64, with the draws this benchmark needs.
struct Rng(eurocorpus::rng::SplitMix64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(eurocorpus::rng::SplitMix64(seed))
    }

    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() as u128 * n as u128) >> 64) as usize
    }

    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }

    /// `k` distinct values of `0..n`.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}

// ---------------------------------------------------------------- source

struct SrcDoc {
    id: String,
    text: String,
    lang: String,
    source: String,
    words: usize,
    sentences: Vec<String>,
}

fn sentences(text: &str) -> Vec<String> {
    text.split_sentence_bounds().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

fn load(dir: &Path) -> Result<Vec<SrcDoc>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).with_context(|| format!("in {}", f.display()))?;
            let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
            let text = s("text");
            let lang =
                if s("lang").is_empty() { f.file_stem().unwrap().to_string_lossy().into_owned() } else { s("lang") };
            docs.push(SrcDoc {
                id: s("id"),
                words: text.unicode_words().count(),
                sentences: sentences(&text),
                text,
                source: if s("source").is_empty() { lang.clone() } else { s("source") },
                lang,
            });
        }
    }
    if docs.is_empty() {
        bail!("no documents in {}/*.jsonl", dir.display());
    }
    Ok(docs)
}

// ---------------------------------------------------------------- boilerplate

/// Per language: navigation menu, cookie banner, footer.
const BOILERPLATE: &[(&str, &str, &str, &str)] = &[
    ("en", "Home | News | Products | Services | About us | Contact | Search",
     "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies. Accept all | Reject | Cookie settings",
     "© 2024 All rights reserved. Privacy policy | Terms of use | Legal notice | Sitemap"),
    ("de", "Startseite | Aktuelles | Produkte | Leistungen | Über uns | Kontakt | Suche",
     "Wir verwenden Cookies, um Ihnen das beste Erlebnis auf unserer Website zu bieten. Wenn Sie weiter surfen, stimmen Sie der Verwendung von Cookies zu. Alle akzeptieren | Ablehnen | Cookie-Einstellungen",
     "© 2024 Alle Rechte vorbehalten. Datenschutzerklärung | Nutzungsbedingungen | Impressum | Sitemap"),
    ("fr", "Accueil | Actualités | Produits | Services | Qui sommes-nous | Contact | Rechercher",
     "Nous utilisons des cookies pour améliorer votre expérience sur notre site. En poursuivant votre navigation, vous acceptez l'utilisation des cookies. Tout accepter | Refuser | Paramètres des cookies",
     "© 2024 Tous droits réservés. Politique de confidentialité | Conditions d'utilisation | Mentions légales | Plan du site"),
    ("es", "Inicio | Noticias | Productos | Servicios | Quiénes somos | Contacto | Buscar",
     "Utilizamos cookies para mejorar su experiencia en nuestro sitio web. Si continúa navegando, acepta el uso de cookies. Aceptar todas | Rechazar | Configuración de cookies",
     "© 2024 Todos los derechos reservados. Política de privacidad | Condiciones de uso | Aviso legal | Mapa del sitio"),
    ("it", "Home | Notizie | Prodotti | Servizi | Chi siamo | Contatti | Cerca",
     "Utilizziamo i cookie per migliorare la tua esperienza sul nostro sito. Continuando la navigazione accetti l'uso dei cookie. Accetta tutti | Rifiuta | Impostazioni dei cookie",
     "© 2024 Tutti i diritti riservati. Informativa sulla privacy | Termini di utilizzo | Note legali | Mappa del sito"),
    ("pt", "Início | Notícias | Produtos | Serviços | Quem somos | Contactos | Pesquisar",
     "Utilizamos cookies para melhorar a sua experiência no nosso site. Ao continuar a navegar, aceita a utilização de cookies. Aceitar todos | Rejeitar | Definições de cookies",
     "© 2024 Todos os direitos reservados. Política de privacidade | Termos de utilização | Aviso legal | Mapa do site"),
    ("ca", "Inici | Notícies | Productes | Serveis | Qui som | Contacte | Cerca",
     "Utilitzem galetes per millorar la vostra experiència al nostre lloc web. Si continueu navegant, accepteu l'ús de galetes. Accepta-les totes | Rebutja | Configuració de galetes",
     "© 2024 Tots els drets reservats. Política de privadesa | Condicions d'ús | Avís legal | Mapa del lloc"),
    ("nl", "Home | Nieuws | Producten | Diensten | Over ons | Contact | Zoeken",
     "Wij gebruiken cookies om uw ervaring op onze website te verbeteren. Door verder te surfen gaat u akkoord met het gebruik van cookies. Alles accepteren | Weigeren | Cookie-instellingen",
     "© 2024 Alle rechten voorbehouden. Privacybeleid | Gebruiksvoorwaarden | Disclaimer | Sitemap"),
    ("da", "Forside | Nyheder | Produkter | Tjenester | Om os | Kontakt | Søg",
     "Vi bruger cookies til at forbedre din oplevelse på vores hjemmeside. Ved at fortsætte accepterer du vores brug af cookies. Accepter alle | Afvis | Cookieindstillinger",
     "© 2024 Alle rettigheder forbeholdes. Privatlivspolitik | Vilkår for brug | Juridisk information | Sitemap"),
    ("sv", "Start | Nyheter | Produkter | Tjänster | Om oss | Kontakt | Sök",
     "Vi använder cookies för att förbättra din upplevelse på vår webbplats. Genom att fortsätta surfa godkänner du att vi använder cookies. Acceptera alla | Avvisa | Cookieinställningar",
     "© 2024 Alla rättigheter förbehållna. Integritetspolicy | Användarvillkor | Juridisk information | Webbplatskarta"),
    ("no", "Forside | Nyheter | Produkter | Tjenester | Om oss | Kontakt | Søk",
     "Vi bruker informasjonskapsler for å forbedre opplevelsen din på nettstedet vårt. Ved å fortsette godtar du vår bruk av informasjonskapsler. Godta alle | Avvis | Innstillinger for informasjonskapsler",
     "© 2024 Alle rettigheter forbeholdt. Personvernerklæring | Vilkår for bruk | Juridisk informasjon | Nettstedskart"),
    ("is", "Forsíða | Fréttir | Vörur | Þjónusta | Um okkur | Hafa samband | Leit",
     "Við notum vafrakökur til að bæta upplifun þína á vefnum okkar. Með því að halda áfram samþykkir þú notkun vafrakakna. Samþykkja allt | Hafna | Stillingar vafrakakna",
     "© 2024 Öll réttindi áskilin. Persónuverndarstefna | Notkunarskilmálar | Lagalegar upplýsingar | Veftré"),
    ("fi", "Etusivu | Uutiset | Tuotteet | Palvelut | Meistä | Yhteystiedot | Haku",
     "Käytämme evästeitä parantaaksemme käyttökokemustasi verkkosivustollamme. Jatkamalla selaamista hyväksyt evästeiden käytön. Hyväksy kaikki | Hylkää | Evästeasetukset",
     "© 2024 Kaikki oikeudet pidätetään. Tietosuojaseloste | Käyttöehdot | Oikeudelliset tiedot | Sivukartta"),
    ("et", "Avaleht | Uudised | Tooted | Teenused | Meist | Kontakt | Otsi",
     "Kasutame küpsiseid, et parandada teie kogemust meie veebisaidil. Sirvimist jätkates nõustute küpsiste kasutamisega. Nõustu kõigiga | Keeldu | Küpsiste seaded",
     "© 2024 Kõik õigused kaitstud. Privaatsuspoliitika | Kasutustingimused | Õiguslik teave | Saidikaart"),
    ("lv", "Sākums | Jaunumi | Produkti | Pakalpojumi | Par mums | Kontakti | Meklēt",
     "Mēs izmantojam sīkdatnes, lai uzlabotu jūsu pieredzi mūsu tīmekļa vietnē. Turpinot pārlūkošanu, jūs piekrītat sīkdatņu izmantošanai. Pieņemt visas | Noraidīt | Sīkdatņu iestatījumi",
     "© 2024 Visas tiesības aizsargātas. Privātuma politika | Lietošanas noteikumi | Juridiskā informācija | Vietnes karte"),
    ("lt", "Pradžia | Naujienos | Produktai | Paslaugos | Apie mus | Kontaktai | Paieška",
     "Naudojame slapukus, kad pagerintume jūsų patirtį mūsų svetainėje. Tęsdami naršymą sutinkate su slapukų naudojimu. Priimti visus | Atmesti | Slapukų nustatymai",
     "© 2024 Visos teisės saugomos. Privatumo politika | Naudojimo sąlygos | Teisinė informacija | Svetainės medis"),
    ("pl", "Strona główna | Aktualności | Produkty | Usługi | O nas | Kontakt | Szukaj",
     "Używamy plików cookie, aby poprawić Twoje doświadczenia na naszej stronie. Kontynuując przeglądanie, zgadzasz się na użycie plików cookie. Akceptuj wszystkie | Odrzuć | Ustawienia plików cookie",
     "© 2024 Wszelkie prawa zastrzeżone. Polityka prywatności | Regulamin | Nota prawna | Mapa strony"),
    ("cs", "Úvod | Aktuality | Produkty | Služby | O nás | Kontakt | Hledat",
     "Používáme soubory cookie, abychom zlepšili váš zážitek na našem webu. Pokračováním v procházení souhlasíte s používáním souborů cookie. Přijmout vše | Odmítnout | Nastavení cookies",
     "© 2024 Všechna práva vyhrazena. Zásady ochrany osobních údajů | Podmínky použití | Právní upozornění | Mapa stránek"),
    ("sk", "Úvod | Aktuality | Produkty | Služby | O nás | Kontakt | Hľadať",
     "Používame súbory cookie, aby sme zlepšili vaše skúsenosti na našej stránke. Pokračovaním v prehliadaní súhlasíte s používaním súborov cookie. Prijať všetky | Odmietnuť | Nastavenia súborov cookie",
     "© 2024 Všetky práva vyhradené. Ochrana osobných údajov | Podmienky používania | Právne upozornenie | Mapa stránky"),
    ("sl", "Domov | Novice | Izdelki | Storitve | O nas | Kontakt | Iskanje",
     "Uporabljamo piškotke, da izboljšamo vašo izkušnjo na naši spletni strani. Z nadaljnjim brskanjem se strinjate z uporabo piškotkov. Sprejmi vse | Zavrni | Nastavitve piškotkov",
     "© 2024 Vse pravice pridržane. Politika zasebnosti | Pogoji uporabe | Pravno obvestilo | Zemljevid strani"),
    ("hr", "Početna | Novosti | Proizvodi | Usluge | O nama | Kontakt | Pretraživanje",
     "Koristimo kolačiće kako bismo poboljšali vaše iskustvo na našoj web stranici. Nastavkom pregledavanja pristajete na korištenje kolačića. Prihvati sve | Odbij | Postavke kolačića",
     "© 2024 Sva prava pridržana. Politika privatnosti | Uvjeti korištenja | Pravna napomena | Karta weba"),
    ("bg", "Начало | Новини | Продукти | Услуги | За нас | Контакти | Търсене",
     "Използваме бисквитки, за да подобрим вашето изживяване на нашия уебсайт. Като продължите да разглеждате, вие се съгласявате с използването на бисквитки. Приемам всички | Отказвам | Настройки на бисквитките",
     "© 2024 Всички права запазени. Политика за поверителност | Условия за ползване | Правна информация | Карта на сайта"),
    ("uk", "Головна | Новини | Продукти | Послуги | Про нас | Контакти | Пошук",
     "Ми використовуємо файли cookie, щоб покращити ваш досвід на нашому вебсайті. Продовжуючи перегляд, ви погоджуєтеся на використання файлів cookie. Прийняти всі | Відхилити | Налаштування cookie",
     "© 2024 Усі права захищені. Політика конфіденційності | Умови використання | Правова інформація | Карта сайту"),
    ("el", "Αρχική | Νέα | Προϊόντα | Υπηρεσίες | Σχετικά με εμάς | Επικοινωνία | Αναζήτηση",
     "Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας στον ιστότοπό μας. Συνεχίζοντας την περιήγηση, αποδέχεστε τη χρήση των cookies. Αποδοχή όλων | Απόρριψη | Ρυθμίσεις cookies",
     "© 2024 Με την επιφύλαξη παντός δικαιώματος. Πολιτική απορρήτου | Όροι χρήσης | Νομική σημείωση | Χάρτης ιστότοπου"),
    ("ro", "Acasă | Noutăți | Produse | Servicii | Despre noi | Contact | Căutare",
     "Folosim cookie-uri pentru a vă îmbunătăți experiența pe site-ul nostru. Continuând navigarea, sunteți de acord cu utilizarea cookie-urilor. Acceptă toate | Refuză | Setări cookie-uri",
     "© 2024 Toate drepturile rezervate. Politica de confidențialitate | Termeni de utilizare | Informații legale | Harta site-ului"),
    ("hu", "Kezdőlap | Hírek | Termékek | Szolgáltatások | Rólunk | Kapcsolat | Keresés",
     "Sütiket használunk, hogy javítsuk a felhasználói élményt weboldalunkon. A böngészés folytatásával hozzájárul a sütik használatához. Összes elfogadása | Elutasítás | Süti beállítások",
     "© 2024 Minden jog fenntartva. Adatvédelmi irányelvek | Felhasználási feltételek | Impresszum | Oldaltérkép"),
    ("mt", "Paġna ewlenija | Aħbarijiet | Prodotti | Servizzi | Dwarna | Ikkuntattjana | Fittex",
     "Nużaw il-cookies biex intejbu l-esperjenza tiegħek fuq is-sit tagħna. Billi tkompli tfittex, taqbel mal-użu tal-cookies. Aċċetta kollha | Irrifjuta | Settings tal-cookies",
     "© 2024 Id-drittijiet kollha riżervati. Politika tal-privatezza | Termini tal-użu | Avviż legali | Mappa tas-sit"),
    ("ga", "Baile | Nuacht | Táirgí | Seirbhísí | Fúinn | Teagmháil | Cuardaigh",
     "Úsáidimid fianáin chun d'eispéireas ar ár suíomh gréasáin a fheabhsú. Má leanann tú ar aghaidh ag brabhsáil, aontaíonn tú le húsáid fianán. Glac le gach ceann | Diúltaigh | Socruithe fianán",
     "© 2024 Gach ceart ar cosaint. Polasaí príobháideachta | Téarmaí úsáide | Fógra dlíthiúil | Léarscáil an tsuímh"),
    ("eu", "Hasiera | Berriak | Produktuak | Zerbitzuak | Guri buruz | Harremanetan jarri | Bilatu",
     "Cookieak erabiltzen ditugu gure webgunean zure esperientzia hobetzeko. Nabigatzen jarraituz gero, cookieen erabilera onartzen duzu. Onartu guztiak | Ukatu | Cookieen ezarpenak",
     "© 2024 Eskubide guztiak erreserbatuta. Pribatutasun politika | Erabilera baldintzak | Lege oharra | Webgunearen mapa"),
];

const SHARE_LINE: &str = "Facebook | X | LinkedIn | WhatsApp | E-mail";

fn boilerplate(lang: &str) -> (&'static str, &'static str, &'static str) {
    let (_, nav, cookie, footer) = BOILERPLATE.iter().find(|b| b.0 == lang).unwrap_or(&BOILERPLATE[0]);
    (nav, cookie, footer)
}

// ---------------------------------------------------------------- kinds

/// The rates of the brief, with 3 % and 7 % added to fill the J bins 0.7–0.8
/// and 0.5–0.6.
const RATES: [u8; 8] = [1, 2, 3, 5, 7, 10, 15, 20];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum WordOp {
    Sub,
    Ins,
    Del,
    Mix,
}
const WORD_OPS: [WordOp; 4] = [WordOp::Sub, WordOp::Ins, WordOp::Del, WordOp::Mix];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum SentOp {
    Swap,
    Drop,
    Ins,
}
const SENT_OPS: [SentOp; 3] = [SentOp::Swap, SentOp::Drop, SentOp::Ins];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Original,
    Exact,
    Boiler,
    Word(u8, WordOp),
    Sent(SentOp, u8),
    DistMix,
    DistPair,
}

fn word_op_name(op: WordOp) -> &'static str {
    match op {
        WordOp::Sub => "sub",
        WordOp::Ins => "ins",
        WordOp::Del => "del",
        WordOp::Mix => "mix",
    }
}

fn sent_op_name(op: SentOp) -> &'static str {
    match op {
        SentOp::Swap => "swap",
        SentOp::Drop => "drop",
        SentOp::Ins => "ins",
    }
}

impl Kind {
    fn label(&self) -> String {
        match *self {
            Kind::Original => "original".into(),
            Kind::Exact => "exact copy".into(),
            Kind::Boiler => "boilerplate added".into(),
            Kind::Word(r, op) => format!("words {} {r}%", word_op_name(op)),
            Kind::Sent(op, n) => format!("sentences {} ×{n}", sent_op_name(op)),
            Kind::DistMix => "distinct: 3–4 docs mixed".into(),
            Kind::DistPair => "distinct: 2 docs alternated".into(),
        }
    }

    fn is_distinct(&self) -> bool {
        matches!(self, Kind::DistMix | Kind::DistPair)
    }
}

// ---------------------------------------------------------------- generation

struct Doc {
    id: String,
    text: String,
    lang: String,
    cluster: u32,
    kind: Kind,
}

struct Corpus {
    docs: Vec<Doc>,
    /// Members of each cluster, the original (or the distinct document) first.
    clusters: Vec<Vec<u32>>,
    /// (copy, original, true Jaccard).
    pairs: Vec<(u32, u32, f64)>,
    /// Per document: highest true Jaccard with a document of another cluster,
    /// and that document.
    cross_max: Vec<(f64, u32)>,
    candidates: usize,
    dropped_natural: usize,
    distinct_redrawn: usize,
}

/// Distinct documents have a true Jaccard below this with every other one.
const DISTINCT_MAX_J: f64 = 0.4;

/// Shingle sets and an inverted index over them.
#[derive(Default)]
struct ShingleIndex {
    sets: Vec<HashSet<u64>>,
    index: HashMap<u64, Vec<u32>>,
}

impl ShingleIndex {
    fn add(&mut self, set: HashSet<u64>) {
        let i = self.sets.len() as u32;
        for &h in &set {
            self.index.entry(h).or_default().push(i);
        }
        self.sets.push(set);
    }

    /// The highest true Jaccard of `set` with an indexed set.
    fn max_jaccard(&self, set: &HashSet<u64>) -> f64 {
        let mut shared: HashMap<u32, usize> = HashMap::new();
        for h in set {
            for &j in self.index.get(h).map_or(&[][..], Vec::as_slice) {
                *shared.entry(j).or_default() += 1;
            }
        }
        shared.iter().map(|(&j, &n)| jaccard_of_sets(set, &self.sets[j as usize], n)).fold(0.0, f64::max)
    }
}

struct Pools<'a> {
    src: &'a [SrcDoc],
    /// Words of each language's texts (with repeats: frequency-weighted).
    vocab: BTreeMap<&'a str, Vec<&'a str>>,
    /// (document, sentence) of each language.
    sentences: BTreeMap<&'a str, Vec<(usize, &'a str)>>,
    /// Documents of at least 100 words and two sentences, by source and by
    /// language.
    by_source: BTreeMap<&'a str, Vec<usize>>,
    by_lang: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> Pools<'a> {
    fn new(src: &'a [SrcDoc]) -> Self {
        let mut p = Pools {
            src,
            vocab: BTreeMap::new(),
            sentences: BTreeMap::new(),
            by_source: BTreeMap::new(),
            by_lang: BTreeMap::new(),
        };
        for (i, d) in src.iter().enumerate() {
            p.vocab.entry(&d.lang).or_default().extend(d.text.unicode_words());
            p.sentences.entry(&d.lang).or_default().extend(d.sentences.iter().map(|s| (i, s.as_str())));
            if d.words >= 100 && d.sentences.len() >= 2 {
                p.by_source.entry(&d.source).or_default().push(i);
                p.by_lang.entry(&d.lang).or_default().push(i);
            }
        }
        p
    }
}

fn word_edit(text: &str, rate: u8, op: WordOp, vocab: &[&str], rng: &mut Rng) -> String {
    let toks: Vec<&str> = text.split_whitespace().collect();
    let edits = ((toks.len() as f64 * rate as f64 / 100.0).round() as usize).max(1);
    let mut ops = vec![None; toks.len()];
    for pos in rng.sample(toks.len(), edits) {
        ops[pos] = Some(match op {
            WordOp::Mix => *rng.pick(&WORD_OPS[..3]),
            o => o,
        });
    }
    let mut out: Vec<&str> = Vec::with_capacity(toks.len() + edits);
    for (t, o) in toks.iter().zip(ops) {
        match o {
            None => out.push(t),
            Some(WordOp::Sub) => out.push(*rng.pick(vocab)),
            Some(WordOp::Ins) => {
                out.push(*rng.pick(vocab));
                out.push(t);
            }
            Some(_) => {} // deleted
        }
    }
    out.join(" ")
}

fn sentence_edit(
    src_doc: usize,
    sents: &[String],
    op: SentOp,
    n: u8,
    pools: &Pools,
    lang: &str,
    rng: &mut Rng,
) -> String {
    let mut s: Vec<&str> = sents.iter().map(String::as_str).collect();
    let pool = &pools.sentences[lang];
    for _ in 0..n {
        match op {
            SentOp::Swap if s.len() >= 2 => {
                let ij = rng.sample(s.len(), 2);
                s.swap(ij[0], ij[1]);
            }
            SentOp::Drop if s.len() >= 3 => {
                let i = rng.below(s.len());
                s.remove(i);
            }
            _ => {
                // Insert (also the fallback for documents too short to swap
                // or drop): a sentence of another document.
                let mut pick = rng.pick(pool);
                for _ in 0..20 {
                    if pick.0 != src_doc {
                        break;
                    }
                    pick = rng.pick(pool);
                }
                let at = rng.below(s.len() + 1);
                s.insert(at, pick.1);
            }
        }
    }
    s.join(" ")
}

fn with_boilerplate(text: &str, lang: &str, rng: &mut Rng) -> String {
    let (nav, cookie, footer) = boilerplate(lang);
    let mut lines: Vec<&str> = Vec::new();
    // At the start: menu and/or cookie banner (at least one).
    match rng.below(3) {
        0 => lines.push(nav),
        1 => lines.push(cookie),
        _ => lines.extend([nav, cookie]),
    }
    lines.push(text);
    // At the end: the share line and/or the footer, sometimes the menu again.
    match rng.below(3) {
        0 => lines.push(footer),
        1 => lines.extend([SHARE_LINE, footer]),
        _ => lines.extend([SHARE_LINE, footer, nav]),
    }
    lines.join("\n")
}

/// Sentences taken in turn, `run` at a time, from the documents `from`
/// (each from a random starting sentence, in order), until `target` words or
/// until one document has no sentence left (so that no document dominates).
fn interleave(pools: &Pools, from: &[usize], target: usize, run: usize, rng: &mut Rng) -> String {
    let docs: Vec<&SrcDoc> = from.iter().map(|&i| &pools.src[i]).collect();
    let start: Vec<usize> = docs.iter().map(|d| rng.below(d.sentences.len())).collect();
    let mut out: Vec<&str> = Vec::new();
    let mut words = 0;
    for round in 0.. {
        for (k, d) in docs.iter().enumerate() {
            for r in 0..run {
                let used = round * run + r;
                if used >= d.sentences.len() {
                    return out.join(" ");
                }
                let s = &d.sentences[(start[k] + used) % d.sentences.len()];
                out.push(s);
                words += s.unicode_words().count();
                if words >= target {
                    return out.join(" ");
                }
            }
        }
    }
    unreachable!()
}

fn jaccard_of_sets(a: &HashSet<u64>, b: &HashSet<u64>, inter: usize) -> f64 {
    let union = a.len() + b.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// For each document, the highest true Jaccard with a document for which
/// `other(i, j)` holds (over documents sharing at least one shingle), and
/// that document.
fn max_jaccard(sets: &[HashSet<u64>], other: impl Fn(usize, usize) -> bool + Sync) -> Vec<(f64, u32)> {
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, s) in sets.iter().enumerate() {
        for &h in s {
            index.entry(h).or_default().push(i as u32);
        }
    }
    (0..sets.len())
        .into_par_iter()
        .map(|i| {
            let mut shared: HashMap<u32, usize> = HashMap::new();
            for h in &sets[i] {
                for &j in &index[h] {
                    if other(i, j as usize) {
                        *shared.entry(j).or_default() += 1;
                    }
                }
            }
            shared
                .iter()
                .map(|(&j, &n)| (jaccard_of_sets(&sets[i], &sets[j as usize], n), j))
                .fold((0.0, u32::MAX), |a, b| if b.0 > a.0 || (b.0 == a.0 && b.1 < a.1) { b } else { a })
        })
        .collect()
}

fn generate(args: &Args) -> Result<Corpus> {
    let src = load(&args.source_dir)?;
    let pools = Pools::new(&src);
    let mut rng = Rng::new(args.seed ^ 0xd1ce_5eed);

    // Candidate originals without natural near-duplicates among themselves.
    let mut cands: Vec<usize> = (0..src.len()).filter(|&i| src[i].words >= 100).collect();
    let n_cands = cands.len();
    rng.shuffle(&mut cands);
    let sets: Vec<HashSet<u64>> = cands.par_iter().map(|&i| shingle_set(&src[i].text, args.ngram)).collect();
    let mut seen = ShingleIndex::default();
    let mut kept = Vec::new();
    for (set, &i) in sets.into_iter().zip(&cands) {
        if seen.max_jaccard(&set) < 0.2 {
            seen.add(set);
            kept.push(i);
        }
    }
    let dropped_natural = n_cands - kept.len();

    // How many of each.
    let n = args.docs.max(10);
    let n_dist = n * 15 / 100;
    let n_cluster_docs = n - n_dist;
    let m = kept.len().min(n_cluster_docs / 5).max(1);
    let n_solo = m / 2;
    let n_multi = m - n_solo;
    let extra = n_cluster_docs.saturating_sub(m + n_solo);
    let originals = &kept[..m];

    let mut docs: Vec<Doc> = Vec::with_capacity(n);
    let mut clusters: Vec<Vec<u32>> = Vec::new();
    let push = |docs: &mut Vec<Doc>, cl: &mut Vec<u32>, id: String, text: String, lang: &str, c: usize, kind| {
        cl.push(docs.len() as u32);
        docs.push(Doc { id, text, lang: lang.to_string(), cluster: c as u32, kind });
    };
    for (k, &o) in originals.iter().enumerate() {
        let od = &src[o];
        let lang = od.lang.as_str();
        let mut cl = Vec::new();
        push(&mut docs, &mut cl, format!("orig-{k}"), od.text.clone(), lang, k, Kind::Original);
        let copies = if k < n_solo {
            1
        } else {
            let i = k - n_solo;
            extra / n_multi.max(1) + usize::from(i < extra % n_multi.max(1))
        };
        for j in 0..copies {
            // Weights: exact 5, boilerplate 10, sentence edits 15, word edits 70.
            let w = rng.below(100);
            let (id, text, kind) = if w < 5 {
                (format!("exact-{k}-{j}"), od.text.clone(), Kind::Exact)
            } else if w < 15 {
                (format!("boiler-{k}-{j}"), with_boilerplate(&od.text, lang, &mut rng), Kind::Boiler)
            } else if w < 30 {
                let op = *rng.pick(&SENT_OPS);
                let c = 1 + rng.below(3) as u8;
                let t = sentence_edit(o, &od.sentences, op, c, &pools, lang, &mut rng);
                (format!("near-{k}-s{}{c}-{j}", sent_op_name(op)), t, Kind::Sent(op, c))
            } else {
                let rate = *rng.pick(&RATES);
                let op = *rng.pick(&WORD_OPS);
                let t = word_edit(&od.text, rate, op, &pools.vocab[lang], &mut rng);
                (format!("near-{k}-w{rate:02}{}-{j}", word_op_name(op)), t, Kind::Word(rate, op))
            };
            push(&mut docs, &mut cl, id, text, lang, k, kind);
        }
        clusters.push(cl);
    }

    // Distinct documents: two thirds mixed from 3–4 documents, a third
    // alternating two, all of one source (or language when it is small). A
    // candidate too similar to a document already in the corpus is drawn
    // again: distinct means a true Jaccard < DISTINCT_MAX_J with every other
    // document.
    let mut index = ShingleIndex::default();
    for d in &docs {
        index.add(shingle_set(&d.text, args.ngram));
    }
    let all_long: Vec<usize> = (0..src.len()).filter(|&i| src[i].words >= 100 && src[i].sentences.len() >= 2).collect();
    let mut redrawn = 0;
    for d in 0..n_dist {
        let pair = d % 3 == 2;
        let (text, set, lang) = loop {
            let a = *rng.pick(&all_long);
            let ad = &src[a];
            let want = if pair { 2 } else { 3 + rng.below(2) };
            let same_source = &pools.by_source[ad.source.as_str()];
            let pool = if same_source.len() > want + 2 { same_source } else { &pools.by_lang[ad.lang.as_str()] };
            let mut from = vec![a];
            for _ in 0..100 {
                if from.len() == want {
                    break;
                }
                let b = *rng.pick(pool);
                if !from.contains(&b) && src[b].id != ad.id {
                    from.push(b);
                }
            }
            let run = if pair { 1 } else { 1 + rng.below(2) };
            let text = interleave(&pools, &from, ad.words, run, &mut rng);
            let set = shingle_set(&text, args.ngram);
            if text.unicode_words().count() >= 50 && index.max_jaccard(&set) < DISTINCT_MAX_J {
                break (text, set, ad.lang.clone());
            }
            redrawn += 1;
            if redrawn > 50 * n_dist.max(10) {
                bail!("cannot draw distinct documents with J < {DISTINCT_MAX_J} from {}", args.source_dir.display());
            }
        };
        index.add(set);
        let (id, kind) =
            if pair { (format!("dist-pair-{d}"), Kind::DistPair) } else { (format!("dist-mix-{d}"), Kind::DistMix) };
        let c = clusters.len();
        let mut cl = Vec::new();
        push(&mut docs, &mut cl, id, text, &lang, c, kind);
        clusters.push(cl);
    }

    // Truth: pair similarities and the highest similarity across clusters.
    let pairs: Vec<(u32, u32, f64)> = clusters
        .par_iter()
        .flat_map_iter(|cl| {
            let o = cl[0];
            let docs = &docs;
            cl[1..]
                .iter()
                .map(move |&c| (c, o, true_jaccard(&docs[c as usize].text, &docs[o as usize].text, args.ngram)))
        })
        .collect();
    let cross_max = max_jaccard(&index.sets, |i, j| docs[i].cluster != docs[j].cluster);
    Ok(Corpus { docs, clusters, pairs, cross_max, candidates: n_cands, dropped_natural, distinct_redrawn: redrawn })
}

fn write_corpus(c: &Corpus, dir: &Path, files: usize, seed: u64) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut order: Vec<usize> = (0..c.docs.len()).collect();
    Rng::new(seed ^ 0x0bde_0bde).shuffle(&mut order);
    let per = order.len().div_ceil(files);
    for (f, chunk) in order.chunks(per.max(1)).enumerate() {
        let mut w = std::io::BufWriter::new(std::fs::File::create(dir.join(format!("part-{f:02}.jsonl")))?);
        for &i in chunk {
            let d = &c.docs[i];
            writeln!(w, "{}", serde_json::json!({"id": d.id, "text": d.text, "lang": d.lang}))?;
        }
        w.flush()?;
    }
    // The ground truth, for looking into a run (`--work-dir`).
    let mut j_orig = vec![f64::NAN; c.docs.len()];
    for &(copy, _, j) in &c.pairs {
        j_orig[copy as usize] = j;
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(dir.with_file_name("truth.tsv"))?);
    writeln!(w, "id\tkind\tcluster\tcluster_size\tj_to_original\tmax_j_other_clusters\tmost_similar_other")?;
    for (i, d) in c.docs.iter().enumerate() {
        let size = c.clusters[d.cluster as usize].len();
        let (x, o) = c.cross_max[i];
        let other = c.docs.get(o as usize).map_or("", |d| d.id.as_str());
        writeln!(w, "{}\t{}\t{}\t{size}\t{:.4}\t{x:.4}\t{other}", d.id, d.kind.label(), d.cluster, j_orig[i])?;
    }
    w.flush()?;
    Ok(())
}

// ---------------------------------------------------------------- running

struct RunResult {
    survivors: HashSet<String>,
    secs: f64,
    stats: serde_json::Value,
}

fn parquet_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        if p.is_dir() {
            parquet_files(&p, out)?;
        } else if name.ends_with(".parquet") {
            out.push(p);
        }
    }
    Ok(())
}

fn run_pipeline(binary: &Path, work: &Path, corpus: &Path, ngram: usize, s: &Setting) -> Result<RunResult> {
    let out = work.join(format!("out-{}x{}-{}", s.bands, s.rows, s.threshold));
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    let toml = format!(
        "name = \"dedup-quality\"\n\n[input]\npaths = ['{}']\nlang_field = \"lang\"\n\n\
         [[stages]]\ntype = \"normalize\"\n\n[[stages]]\ntype = \"exact_dedup\"\n\n\
         [[stages]]\ntype = \"minhash_dedup\"\nngram = {ngram}\nbands = {}\nrows = {}\nthreshold = {}\n\n\
         [output]\npath = '{}'\nkeep_text = false\n",
        corpus.display(),
        s.bands,
        s.rows,
        s.threshold,
        out.display()
    );
    let toml_path = work.join("pipeline.toml");
    std::fs::write(&toml_path, toml)?;
    let t = Instant::now();
    let o = Command::new(binary)
        .arg("run")
        .arg(&toml_path)
        .arg("--quiet")
        .output()
        .with_context(|| format!("running {}", binary.display()))?;
    let secs = t.elapsed().as_secs_f64();
    if !o.status.success() {
        bail!("{} failed ({}):\n{}", binary.display(), o.status, String::from_utf8_lossy(&o.stderr));
    }
    let mut files = Vec::new();
    parquet_files(&out.join("data"), &mut files)?;
    let mut survivors = HashSet::new();
    for f in files {
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&f)?)?.build()?;
        for batch in reader {
            let batch = batch?;
            let ids = batch.column_by_name("id").context("no id column")?.as_string::<i32>();
            survivors.extend(ids.iter().flatten().map(str::to_string));
        }
    }
    let stats = serde_json::from_slice(&std::fs::read(out.join("stats.json"))?)?;
    Ok(RunResult { survivors, secs, stats })
}

// ---------------------------------------------------------------- measuring

#[derive(Default, Clone, Copy)]
struct Tally {
    n: usize,
    hit: usize,
    jsum: f64,
}

impl Tally {
    fn add(&mut self, hit: bool, j: f64) {
        self.n += 1;
        self.hit += usize::from(hit);
        self.jsum += j;
    }
    fn recall(&self) -> f64 {
        if self.n == 0 {
            f64::NAN
        } else {
            self.hit as f64 / self.n as f64
        }
    }
    fn mean_j(&self) -> f64 {
        self.jsum / self.n.max(1) as f64
    }
}

fn bin(j: f64) -> usize {
    ((j * 10.0).floor() as usize).min(9)
}

fn bin_name(b: usize) -> String {
    format!("{:.1}–{:.1}", b as f64 / 10.0, (b + 1) as f64 / 10.0)
}

fn pct(x: f64) -> String {
    if x.is_nan() {
        "–".into()
    } else {
        format!("{x:.3}")
    }
}

struct Summary {
    setting: Setting,
    secs: f64,
    removed: usize,
    recall_ge07: Tally,
    recall_05_07: Tally,
    bins: [Tally; 10],
    bins_solo: [Tally; 10],
    cluster_recall: f64,
    precision: f64,
    fp_dist: usize,
    fp_lost: usize,
}

fn evaluate(c: &Corpus, s: &Setting, ngram: usize, r: &RunResult, out: &mut String) -> Summary {
    let alive: Vec<bool> = c.docs.iter().map(|d| r.survivors.contains(&d.id)).collect();
    let removed = alive.iter().filter(|a| !**a).count();
    let mut bins = [Tally::default(); 10];
    let mut bins_solo = [Tally::default(); 10];
    let mut by_kind: BTreeMap<Kind, Tally> = BTreeMap::new();
    let (mut ge07, mut mid) = (Tally::default(), Tally::default());
    for &(copy, orig, j) in &c.pairs {
        let hit = !(alive[copy as usize] && alive[orig as usize]);
        bins[bin(j)].add(hit, j);
        if c.clusters[c.docs[orig as usize].cluster as usize].len() == 2 {
            bins_solo[bin(j)].add(hit, j);
        }
        by_kind.entry(c.docs[copy as usize].kind).or_default().add(hit, j);
        if j >= 0.7 {
            ge07.add(hit, j);
        } else if j >= 0.5 {
            mid.add(hit, j);
        }
    }
    let (mut need, mut got, mut one, mut kept_extra, mut lost) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut lost_kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut dist_removed: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    let mut dist_by_max = [(0usize, 0usize); 10];
    for cl in &c.clusters {
        let size = cl.len();
        let survivors = cl.iter().filter(|&&i| alive[i as usize]).count();
        let kind = c.docs[cl[0] as usize].kind;
        if kind.is_distinct() {
            let e = dist_removed.entry(kind).or_default();
            e.0 += 1;
            e.1 += usize::from(survivors == 0);
            let b = &mut dist_by_max[bin(c.cross_max[cl[0] as usize].0)];
            b.0 += 1;
            b.1 += usize::from(survivors == 0);
            continue;
        }
        need += size - 1;
        got += (size - survivors).min(size - 1);
        match survivors {
            0 => {
                lost += 1;
                *lost_kinds.entry(if size == 2 { "2-doc".into() } else { format!("{size}-doc") }).or_default() += 1;
            }
            1 => one += 1,
            _ => kept_extra += 1,
        }
    }
    let fp_dist: usize = dist_removed.values().map(|v| v.1).sum();
    let fp = fp_dist + lost;
    let precision = if removed == 0 { 1.0 } else { (removed - fp) as f64 / removed as f64 };
    let doc_precision = if removed == 0 { 1.0 } else { (removed - fp_dist) as f64 / removed as f64 };
    let cluster_recall = got as f64 / need.max(1) as f64;

    let w = |out: &mut String, s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    w(out, format!("\n## {} (ngram {ngram})\n", s.name()));
    w(
        out,
        format!(
            "{} documents read, {} removed ({}), {} kept; pipeline wall time **{:.2} s**\n",
            c.docs.len(),
            removed,
            r.stats["removed"].as_object().map_or(String::new(), |m| m
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")),
            c.docs.len() - removed,
            r.secs
        ),
    );
    w(out, "| true J | pairs | recall | pairs (2-doc clusters) | recall (2-doc) | LSH P(candidate) at mid |".into());
    w(out, "|---|---:|---:|---:|---:|---:|".into());
    for b in 0..10 {
        w(
            out,
            format!(
                "| {} | {} | {} | {} | {} | {:.3} |",
                bin_name(b),
                bins[b].n,
                pct(bins[b].recall()),
                bins_solo[b].n,
                pct(bins_solo[b].recall()),
                s.p_candidate(b as f64 / 10.0 + 0.05)
            ),
        );
    }
    w(out, String::new());
    w(out, "| word edits | pairs | mean J | sub | ins | del | mix | all |".into());
    w(out, "|---|---:|---:|---:|---:|---:|---:|---:|".into());
    for rate in RATES {
        let mut all = Tally::default();
        let mut cells = Vec::new();
        for op in WORD_OPS {
            let t = by_kind.get(&Kind::Word(rate, op)).copied().unwrap_or_default();
            all.n += t.n;
            all.hit += t.hit;
            all.jsum += t.jsum;
            cells.push(pct(t.recall()));
        }
        w(
            out,
            format!("| {rate}% | {} | {:.3} | {} | {} |", all.n, all.mean_j(), cells.join(" | "), pct(all.recall())),
        );
    }
    w(out, String::new());
    w(out, "| other copies | pairs | mean J | recall |".into());
    w(out, "|---|---:|---:|---:|".into());
    for (k, t) in &by_kind {
        if !matches!(k, Kind::Word(..)) {
            w(out, format!("| {} | {} | {:.3} | {} |", k.label(), t.n, t.mean_j(), pct(t.recall())));
        }
    }
    w(out, String::new());
    w(
        out,
        format!(
            "Clusters with copies: {} — exactly one kept {one}, more than one kept {kept_extra}, none kept {lost} {:?}; \
             cluster recall (copies removed / copies) **{}**",
            one + kept_extra + lost,
            lost_kinds,
            pct(cluster_recall)
        ),
    );
    w(out, String::new());
    w(
        out,
        format!(
            "Precision **{}** ({} wrongly removed of {removed}: {fp_dist} distinct documents, {lost} clusters lost whole); \
             document precision {}",
            pct(precision),
            fp,
            pct(doc_precision)
        ),
    );
    w(out, String::new());
    w(out, "| distinct kind | documents | removed |".into());
    w(out, "|---|---:|---:|".into());
    for (k, (n, rm)) in &dist_removed {
        w(out, format!("| {} | {n} | {rm} |", k.label()));
    }
    w(out, String::new());
    w(out, "| distinct docs by max J to any other doc | documents | removed |".into());
    w(out, "|---|---:|---:|".into());
    for (b, (n, rm)) in dist_by_max.iter().enumerate().filter(|(_, v)| v.0 > 0) {
        w(out, format!("| {} | {n} | {rm} |", bin_name(b)));
    }
    w(out, String::new());
    w(out, format!("S-curve ({}):\n", s.name()));
    w(out, format!("| J | {} |", (0..10).map(bin_name).collect::<Vec<_>>().join(" | ")));
    w(out, format!("|---|{}", "---:|".repeat(10)));
    w(out, format!("| recall, all pairs | {} |", bins.iter().map(|t| pct(t.recall())).collect::<Vec<_>>().join(" | ")));
    w(
        out,
        format!(
            "| recall, 2-doc clusters | {} |",
            bins_solo.iter().map(|t| pct(t.recall())).collect::<Vec<_>>().join(" | ")
        ),
    );
    w(
        out,
        format!(
            "\nTargets: recall J ≥ 0.7 = {} (≥ 0.95 {}), J 0.5–0.7 = {} (≥ 0.8 {}), precision = {} (≥ 0.995 {})",
            pct(ge07.recall()),
            mark(ge07.recall() >= 0.95),
            pct(mid.recall()),
            mark(mid.recall() >= 0.8),
            pct(precision),
            mark(precision >= 0.995)
        ),
    );
    Summary {
        setting: *s,
        secs: r.secs,
        removed,
        recall_ge07: ge07,
        recall_05_07: mid,
        bins,
        bins_solo,
        cluster_recall,
        precision,
        fp_dist,
        fp_lost: lost,
    }
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

fn main() -> Result<()> {
    let args = args()?;
    if !args.binary.exists() {
        eprintln!("{} missing: cargo build --release", args.binary.display());
        let st = Command::new(env!("CARGO")).args(["build", "--release", "--quiet"]).status()?;
        if !st.success() {
            bail!("cargo build --release failed");
        }
    }
    let t = Instant::now();
    let corpus = generate(&args)?;
    let gen_secs = t.elapsed().as_secs_f64();
    let (_tmp, work) = match &args.work_dir {
        Some(d) => (None, d.clone()),
        None => {
            let t = tempfile::Builder::new().prefix("dedup-quality-").tempdir()?;
            let p = t.path().to_path_buf();
            (Some(t), p)
        }
    };
    let corpus_dir = work.join("corpus");
    if corpus_dir.exists() {
        std::fs::remove_dir_all(&corpus_dir)?;
    }
    write_corpus(&corpus, &corpus_dir, args.files, args.seed)?;

    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &corpus.docs {
        *kinds
            .entry(match d.kind {
                Kind::Original => "originals",
                Kind::Exact => "exact copies",
                Kind::Boiler => "boilerplate copies",
                Kind::Word(..) => "word-edit copies",
                Kind::Sent(..) => "sentence-edit copies",
                Kind::DistMix | Kind::DistPair => "distinct",
            })
            .or_default() += 1;
    }
    let high_cross =
        corpus.docs.iter().zip(&corpus.cross_max).filter(|(d, x)| !d.kind.is_distinct() && x.0 >= 0.3).count();
    let bytes: usize = corpus.docs.iter().map(|d| d.text.len()).sum();
    let mut out = String::new();
    writeln!(out, "# Dedup quality: `{}`\n", args.source_dir.display())?;
    writeln!(
        out,
        "Corpus: {} documents ({:.1} MB of text, {} files, seed {}): {}. {} clusters with copies ({} of 2 docs), \
         {} positive pairs. Originals from {} candidates of ≥ 100 words ({} dropped as natural near-duplicates, J ≥ 0.2); \
         distinct documents have J < {DISTINCT_MAX_J} with every other document ({} candidates redrawn). \
         Cluster members with J ≥ 0.3 to a document of another cluster: {}. Generated in {:.1} s; work dir {}.",
        corpus.docs.len(),
        bytes as f64 / 1e6,
        args.files,
        args.seed,
        kinds.iter().map(|(k, v)| format!("{v} {k}")).collect::<Vec<_>>().join(", "),
        corpus.clusters.iter().filter(|c| c.len() > 1).count(),
        corpus.clusters.iter().filter(|c| c.len() == 2).count(),
        corpus.pairs.len(),
        corpus.candidates,
        corpus.dropped_natural,
        corpus.distinct_redrawn,
        high_cross,
        gen_secs,
        work.display()
    )?;
    print!("{out}");
    out.clear();

    let mut summaries = Vec::new();
    for s in &args.settings {
        let r = run_pipeline(&args.binary, &work, &corpus_dir, args.ngram, s)?;
        summaries.push(evaluate(&corpus, s, args.ngram, &r, &mut out));
        print!("{out}");
        out.clear();
        std::io::stdout().flush()?;
    }
    if summaries.len() > 1 {
        println!("\n## Comparison\n");
        println!(
            "| setting | time s | removed | recall J ≥ 0.7 | J 0.5–0.7 | cluster recall | precision | FP distinct / lost clusters |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|");
        for m in &summaries {
            println!(
                "| {} | {:.2} | {} | {} | {} | {} | {} | {} / {} |",
                m.setting.name(),
                m.secs,
                m.removed,
                pct(m.recall_ge07.recall()),
                pct(m.recall_05_07.recall()),
                pct(m.cluster_recall),
                pct(m.precision),
                m.fp_dist,
                m.fp_lost
            );
        }
        for (title, solo) in [("all pairs", false), ("2-doc clusters (the detector's own S-curve)", true)] {
            println!("\nRecall per true-J bin, {title}:\n");
            println!("| setting | {} |", (1..10).rev().map(bin_name).collect::<Vec<_>>().join(" | "));
            println!("|---|{}", "---:|".repeat(9));
            for m in &summaries {
                let bins = if solo { &m.bins_solo } else { &m.bins };
                let cells: Vec<String> = (1..10).rev().map(|i| pct(bins[i].recall())).collect();
                println!("| {} | {} |", m.setting.name(), cells.join(" | "));
            }
        }
    }
    if let Some(t) = _tmp {
        drop(t);
    }
    Ok(())
}
