package org.mandate.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.mandate.document.Reference.Style;

/**
 * Properties of {@link ReferenceParser#extract} over generated symbols: a canonical symbol (number,
 * optional year, type, issuer) is written with the spellings of real text (blanks around the
 * separators, hyphen, en or em dash, D for Đ, upper or lower case, "số" / "No." before it, words run
 * together, a date after it in one of three forms) inside random Vietnamese and English words, and
 * the parser must find exactly that symbol, where it was put, with the canonical parts.
 *
 * <p>Only texts whose answer is not in doubt are generated: a symbol written in small letters is
 * never run together with the word after it (where would it end?), and words next to a symbol never
 * hold digits.
 */
class ReferenceParserPropertiesTest {

    static final List<String> TYPES =
            List.of("NQ", "KL", "CT", "CTr", "KH", "QĐ", "QĐi", "TB", "BC", "HD", "NĐ", "TT", "TTLT");
    static final List<String> ISSUERS = List.of("TW", "TU", "HU", "CP", "TTg", "UBND", "HĐND", "BTC-BNN", "QH15");

    /** Words around the symbols: no digits, and no kind word ("nghị quyết", "law") that would give a type. */
    static final List<String> WORDS = List.of(
            "Theo",
            "của",
            "Bộ",
            "Chính",
            "trị,",
            "về",
            "việc",
            "triển",
            "khai",
            "thực",
            "hiện",
            "tỉnh",
            "ủy",
            "Ban",
            "Thường",
            "vụ",
            "Tỉnh",
            "ủy.",
            "đồng",
            "chí",
            "phát",
            "triển",
            "kinh",
            "tế",
            "xã",
            "hội;",
            "và",
            "ngày",
            "được",
            "ban",
            "hành",
            "UBND",
            "HĐND",
            "Đảng",
            "the",
            "Standing",
            "Committee",
            "of",
            "on",
            "and",
            "implementation",
            "provincial",
            "People's",
            "according",
            "to",
            "under",
            "dated",
            "July",
            "(",
            ")",
            "Hà",
            "Nội");

    static final String[] MONTHS = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };

    enum Form {
        PARTY,
        STATE
    }

    enum LetterCase {
        AS_IS,
        UPPER,
        LOWER;

        String apply(String code) {
            return switch (this) {
                case AS_IS -> code;
                case UPPER -> code.toUpperCase(Locale.ROOT);
                case LOWER -> code.toLowerCase(Locale.ROOT);
            };
        }
    }

    enum DateForm {
        NONE,
        NUMERIC,
        VIETNAMESE,
        ENGLISH
    }

    /** A symbol as the standard writes it. */
    record Symbol(
            Form form,
            int number,
            boolean leadingZero,
            @Nullable Integer year,
            String type,
            String issuer) {
        String digits() {
            return (leadingZero ? "0" : "") + number;
        }

        /** The standard spelling (number without leading zero). */
        String canonical() {
            if (form == Form.PARTY) {
                return number + "-" + type + "/" + issuer;
            }
            return number + "/" + (year == null ? "" : year + "/") + type + (type.endsWith("LT") ? "/" : "-") + issuer;
        }

        String expectedIssuer() {
            return issuer.toUpperCase(Locale.ROOT);
        }

        Style style() {
            return form == Form.PARTY ? Style.PARTY : Style.STATE;
        }
    }

    /**
     * How a symbol is written: blanks (0-2) before and after each separator, the blank and the dash
     * used, D for Đ, the case of the type and of the issuer.
     */
    record Spelling(
            List<Integer> blanks,
            char blank,
            char dash,
            char issuerDash,
            boolean plainD,
            LetterCase typeCase,
            LetterCase issuerCase) {

        private String b(int i) {
            return String.valueOf(blank).repeat(blanks.get(i));
        }

        private String code(String code, LetterCase letterCase) {
            return letterCase.apply(plainD ? code.replace('Đ', 'D') : code);
        }

        String issuer(String issuer) {
            return code(issuer, issuerCase).replace('-', issuerDash);
        }

        String write(Symbol s) {
            String type = code(s.type(), typeCase);
            if (s.form() == Form.PARTY) {
                return s.digits() + b(0) + dash + b(1) + type + b(2) + "/" + b(3) + issuer(s.issuer());
            }
            var out = new StringBuilder(s.digits()).append(b(0)).append('/').append(b(1));
            if (s.year() != null) {
                out.append(s.year()).append(b(2)).append('/').append(b(3));
            }
            char sep = s.type().endsWith("LT") ? '/' : dash;
            return out.append(type)
                    .append(b(4))
                    .append(sep)
                    .append(b(5))
                    .append(issuer(s.issuer()))
                    .toString();
        }

        /** Whether a word in small letters can follow the symbol with no space and still be told apart. */
        boolean endsInCapitals() {
            return issuerCase != LetterCase.LOWER;
        }
    }

    /** What comes after the symbol: maybe a date, then words. */
    record Tail(
            DateForm dateForm, LocalDate date, char dateSeparator, boolean padDate, String gap, List<String> words) {

        /** Only a comma or blanks may stand between a symbol and its date; after "; " or ". " a date is another's. */
        @Nullable
        LocalDate expectedDate() {
            return dateForm == DateForm.NONE || gap.contains(";") || gap.contains(".") ? null : date;
        }

        String dateText() {
            int d = date.getDayOfMonth();
            int m = date.getMonthValue();
            return switch (dateForm) {
                case NONE -> "";
                case NUMERIC -> "ngày " + pad(d) + dateSeparator + pad(m) + dateSeparator + date.getYear();
                case VIETNAMESE -> "ngày " + pad(d) + " tháng " + pad(m) + " năm " + date.getYear();
                case ENGLISH -> "dated " + MONTHS[m - 1] + " " + d + ", " + date.getYear();
            };
        }

        private String pad(int v) {
            return padDate && v < 10 ? "0" + v : String.valueOf(v);
        }

        /** The tail as written after a symbol; run together only where a small letter follows capitals. */
        String write(boolean symbolEndsInCapitals) {
            String rest = dateText();
            if (!words.isEmpty()) {
                rest = rest.isEmpty() ? String.join(" ", words) : rest + " " + String.join(" ", words);
            }
            if (rest.isEmpty()) {
                return "";
            }
            String g = gap;
            if (g.isEmpty() && !(symbolEndsInCapitals && Character.isLowerCase(rest.charAt(0)))) {
                g = " ";
            }
            return g + rest;
        }
    }

    /** What comes before the symbol: words, then maybe "số" or "No.", maybe run together. */
    record Head(List<String> words, String intro, boolean runTogether) {
        String write() {
            String w = String.join(" ", words);
            if (w.isEmpty()) {
                return intro;
            }
            return w + (runTogether && intro.isEmpty() ? "" : " ") + intro;
        }
    }

    record Case(Symbol symbol, Spelling spelling, Head head, Tail tail) {
        String written() {
            return spelling.write(symbol);
        }

        String text() {
            return head.write() + written() + tail.write(spelling.endsInCapitals());
        }

        int start() {
            return head.write().length();
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Symbol> symbols() {
        return Combinators.combine(
                        Arbitraries.of(Form.class),
                        Arbitraries.integers().between(1, 9999),
                        Arbitraries.of(false, true),
                        Arbitraries.integers().between(1990, 2030).injectNull(0.5),
                        Arbitraries.of(TYPES),
                        Arbitraries.of(ISSUERS))
                .as((form, number, zero, year, type, issuer) ->
                        new Symbol(form, number, zero, form == Form.PARTY ? null : year, type, issuer));
    }

    @Provide
    Arbitrary<Spelling> spellings() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2).list().ofSize(6),
                        Arbitraries.of(' ', '\u00A0'),
                        Arbitraries.of('-', '\u2013', '\u2014'),
                        Arbitraries.of('-', '\u2013', '\u2014'),
                        Arbitraries.of(false, true),
                        Arbitraries.of(LetterCase.class),
                        Arbitraries.of(LetterCase.class))
                .as(Spelling::new);
    }

    Arbitrary<List<String>> words() {
        return Arbitraries.of(WORDS).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Head> heads() {
        return Combinators.combine(
                        words(),
                        Arbitraries.of("", "", "số ", "số", "số: ", "No. ", "No.", "Number "),
                        Arbitraries.of(false, true))
                .as(Head::new);
    }

    Arbitrary<LocalDate> dates() {
        LocalDate first = LocalDate.of(1990, 1, 1);
        int days = (int) (LocalDate.of(2030, 12, 31).toEpochDay() - first.toEpochDay());
        return Arbitraries.integers().between(0, days).map(first::plusDays);
    }

    @Provide
    Arbitrary<Tail> tails() {
        return Combinators.combine(
                        Arbitraries.of(DateForm.class),
                        dates(),
                        Arbitraries.of('/', '-', '.'),
                        Arbitraries.of(false, true),
                        Arbitraries.of(" ", "", ", ", "; ", ". "),
                        words())
                .as(Tail::new);
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(symbols(), spellings(), heads(), tails()).as(Case::new);
    }

    // ---------------------------------------------------------------- one symbol

    @Property(tries = 3000)
    void findsTheOneSymbolWrittenInAnySpelling(@ForAll("cases") Case c) {
        String text = c.text();
        List<Reference> found = ReferenceParser.extract(text);
        assertThat(found).as("references in [%s]", text).hasSize(1);
        Reference ref = found.getFirst();
        assertSymbol(text, ref, c.symbol(), c.written(), c.start(), c.tail().expectedDate());
    }

    /**
     * The issuer's own hyphen ({@code BTC-BNN}) written as an en or em dash, as the separators may
     * be: the issuer and the key must still be the canonical ones.
     */
    @Property(tries = 300)
    void readsAnIssuerJoinedByAnyDash(@ForAll("symbols") Symbol symbol, @ForAll("spellings") Spelling spelling) {
        String written = spelling.write(symbol);
        String text = "Theo văn bản số " + written + " của tỉnh";
        List<Reference> found = ReferenceParser.extract(text);
        assertThat(found).as("references in [%s]", text).hasSize(1);
        assertSymbol(text, found.getFirst(), symbol, written, "Theo văn bản số ".length(), null);
    }

    private static void assertSymbol(
            String text, Reference ref, Symbol symbol, String written, int start, @Nullable LocalDate date) {
        String about = "[" + text + "]";
        assertThat(ref.raw()).as("raw in %s", about).isEqualTo(written);
        assertThat(ref.start()).as("start in %s", about).isEqualTo(start);
        assertThat(text.substring(ref.start(), ref.end()))
                .as("text at the offsets in %s", about)
                .isEqualTo(ref.raw());
        assertThat(ref.number()).as("number in %s", about).isEqualTo(symbol.digits());
        assertThat(ref.year()).as("year in %s", about).isEqualTo(symbol.year());
        assertThat(ref.type()).as("type in %s", about).isEqualTo(symbol.type());
        assertThat(ref.issuer()).as("issuer in %s", about).isEqualTo(symbol.expectedIssuer());
        assertThat(ref.style()).as("style in %s", about).isEqualTo(symbol.style());
        assertThat(ref.key()).as("key in %s", about).isEqualTo(keyOf(symbol.canonical()));
        assertThat(ref.date()).as("date in %s", about).isEqualTo(date);
    }

    private static String keyOf(String canonical) {
        List<Reference> found = ReferenceParser.extract(canonical);
        assertThat(found).as("the canonical spelling %s", canonical).hasSize(1);
        return found.getFirst().key();
    }

    // ---------------------------------------------------------------- lists sharing one symbol

    record ListCase(
            List<String> before,
            String intro,
            List<Integer> members,
            List<String> separators,
            boolean zeros,
            Symbol symbol,
            Spelling spelling,
            Tail tail) {}

    @Provide
    Arbitrary<ListCase> lists() {
        return Combinators.combine(
                        words(),
                        Arbitraries.of(
                                "số",
                                "số:",
                                "No.",
                                "Nos.",
                                "Nghị quyết số",
                                "Nghị định",
                                "Kết luận số",
                                "Quyết định số",
                                "Resolutions No.",
                                "Decrees Nos.",
                                "Decisions"),
                        Arbitraries.integers()
                                .between(1, 9999)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(4),
                        Arbitraries.of(", ", ",  ", " và ", " and ", " & ")
                                .list()
                                .ofSize(4),
                        Arbitraries.of(false, true),
                        symbols(),
                        spellings(),
                        tails())
                .as(ListCase::new);
    }

    /** "Nghị quyết số 01, 02 và 03/NQ-CP": each bare number is a reference with the shared parts. */
    @Property(tries = 2000)
    void splitsListsThatShareOneSymbol(@ForAll("lists") ListCase c) {
        var text = new StringBuilder(String.join(" ", c.before()));
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(c.intro()).append(' ');
        var memberStarts = new ArrayList<Integer>();
        var memberDigits = new ArrayList<String>();
        for (int i = 0; i < c.members().size(); i++) {
            String digits = (c.zeros() && c.members().get(i) < 10 ? "0" : "")
                    + c.members().get(i);
            memberStarts.add(text.length());
            memberDigits.add(digits);
            text.append(digits).append(c.separators().get(i));
        }
        int start = text.length();
        String written = c.spelling().write(c.symbol());
        text.append(written).append(c.tail().write(c.spelling().endsInCapitals()));
        String t = text.toString();

        List<Reference> found = ReferenceParser.extract(t);
        assertThat(found).as("references in [%s]", t).hasSize(c.members().size() + 1);
        Symbol s = c.symbol();
        for (int i = 0; i < c.members().size(); i++) {
            Reference member = found.get(i);
            String about = "member " + i + " in [" + t + "]";
            assertThat(member.raw()).as(about).isEqualTo(memberDigits.get(i));
            assertThat(member.start()).as(about).isEqualTo(memberStarts.get(i));
            assertThat(t.substring(member.start(), member.end())).as(about).isEqualTo(member.raw());
            assertThat(member.number()).as(about).isEqualTo(memberDigits.get(i));
            assertThat(member.year()).as(about).isEqualTo(s.year());
            assertThat(member.type()).as(about).isEqualTo(s.type());
            assertThat(member.issuer()).as(about).isEqualTo(s.expectedIssuer());
            assertThat(member.style()).as(about).isEqualTo(s.style());
            var alone = new Symbol(s.form(), c.members().get(i), false, s.year(), s.type(), s.issuer());
            assertThat(member.key()).as(about).isEqualTo(keyOf(alone.canonical()));
        }
        assertSymbol(t, found.getLast(), s, written, start, c.tail().expectedDate());
    }

    // ---------------------------------------------------------------- symbols without a type code

    /** A kind named before the number and the type it gives a symbol without a type code. */
    record Kind(String words, @Nullable String type) {}

    static final List<Kind> KINDS = List.of(
            new Kind("", null),
            new Kind("số ", null),
            new Kind("No. ", null),
            new Kind("Nghị quyết số ", "NQ"),
            new Kind("nghị quyết ", "NQ"),
            new Kind("Luật số ", "LUẬT"),
            new Kind("Law No. ", "LUẬT"),
            new Kind("Resolution No. ", "NQ"),
            new Kind("Pháp lệnh số ", "PL"),
            new Kind("Ordinance ", "PL"));

    record Untyped(
            List<String> before,
            Kind kind,
            int number,
            boolean leadingZero,
            @Nullable Integer year,
            String issuer,
            Spelling spelling,
            Tail tail) {

        /** number/[year/]ISSUER with the blanks of the spelling. */
        String written() {
            var out = new StringBuilder((leadingZero ? "0" : "") + number)
                    .append(spelling.b(0))
                    .append('/')
                    .append(spelling.b(1));
            if (year != null) {
                out.append(year).append(spelling.b(2)).append('/').append(spelling.b(3));
            }
            return out.append(spelling.issuer(issuer)).toString();
        }
    }

    @Provide
    Arbitrary<Untyped> untypedWithYear() {
        return Combinators.combine(
                        words(),
                        Arbitraries.of(KINDS),
                        Arbitraries.integers().between(1, 9999),
                        Arbitraries.of(false, true),
                        Arbitraries.integers().between(1990, 2030),
                        Arbitraries.of(ISSUERS),
                        spellings(),
                        tails())
                .as(Untyped::new);
    }

    /** Without a year only an issuer not in small letters makes a symbol, by design ("50/ha" is none). */
    @Provide
    Arbitrary<Untyped> untypedWithoutYear() {
        return untypedWithYear()
                .map(u -> new Untyped(
                        u.before(), u.kind(), u.number(), u.leadingZero(), null, u.issuer(), u.spelling(), u.tail()))
                .filter(u -> u.spelling().issuerCase() != LetterCase.LOWER);
    }

    /** "Nghị quyết số 35/2021/QH15": number, year, issuer, and the type named by the kind word. */
    @Property(tries = 2000)
    void readsSymbolsWithAYearAndNoTypeCode(@ForAll("untypedWithYear") Untyped u) {
        assertUntyped(u);
    }

    /** "số 123/UBND", "No. 45/BTC-BNN": an issuer in capitals after the number is a symbol. */
    @Property(tries = 2000)
    void readsSymbolsWithNoYearAndNoTypeCode(@ForAll("untypedWithoutYear") Untyped u) {
        assertUntyped(u);
    }

    private static void assertUntyped(Untyped u) {
        String head = String.join(" ", u.before())
                + (u.before().isEmpty() ? "" : " ")
                + u.kind().words();
        String written = u.written();
        String text = head + written + u.tail().write(u.spelling().endsInCapitals());
        List<Reference> found = ReferenceParser.extract(text);
        assertThat(found).as("references in [%s]", text).hasSize(1);
        Reference ref = found.getFirst();
        String about = "[" + text + "]";
        assertThat(ref.raw()).as("raw in %s", about).isEqualTo(written);
        assertThat(ref.start()).as("start in %s", about).isEqualTo(head.length());
        assertThat(text.substring(ref.start(), ref.end()))
                .as("text at the offsets in %s", about)
                .isEqualTo(ref.raw());
        assertThat(ref.number()).as("number in %s", about).isEqualTo((u.leadingZero() ? "0" : "") + u.number());
        assertThat(ref.year()).as("year in %s", about).isEqualTo(u.year());
        assertThat(ref.type()).as("type in %s", about).isEqualTo(u.kind().type());
        assertThat(ref.issuer()).as("issuer in %s", about).isEqualTo(u.issuer().toUpperCase(Locale.ROOT));
        assertThat(ref.style()).as("style in %s", about).isEqualTo(Style.UNTYPED);
        String canonical = u.number() + "/" + (u.year() == null ? "" : u.year() + "/") + u.issuer();
        assertThat(ref.key()).as("key in %s", about).isEqualTo(keyOf(u.kind().words() + canonical));
        assertThat(ref.date()).as("date in %s", about).isEqualTo(u.tail().expectedDate());
    }

    // ---------------------------------------------------------------- no symbol at all

    @Provide
    Arbitrary<String> plainTexts() {
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 31);
        Arbitrary<Integer> month = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> year = Arbitraries.integers().between(1945, 2100);
        Arbitrary<String> slashDate = Combinators.combine(day, month, year).as((d, m, y) -> d + "/" + m + "/" + y);
        Arbitrary<String> dashDate = Combinators.combine(day, month, year).as((d, m, y) -> d + "-" + m + "-" + y);
        Arbitrary<String> time = Combinators.combine(
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59),
                        Arbitraries.of("h", ":"))
                .as((h, m, sep) -> h + sep + (m < 10 ? "0" + m : m));
        Arbitrary<String> percent = Combinators.combine(
                        Arbitraries.integers().between(0, 100),
                        Arbitraries.integers().between(0, 99))
                .as((whole, part) -> whole + "," + part + "%");
        Arbitrary<String> money = Combinators.combine(
                        Arbitraries.integers().between(1, 999),
                        Arbitraries.integers().between(0, 999),
                        Arbitraries.of("tỷ đồng", "triệu đồng", "đồng"))
                .as((high, low, unit) -> high + "." + String.format("%03d", low) + " " + unit);
        Arbitrary<String> fraction = Combinators.combine(
                        Arbitraries.integers().between(1, 99),
                        Arbitraries.integers().between(1, 999))
                .as((a, b) -> a + "/" + b);
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, word),
                net.jqwik.api.Tuple.of(1, slashDate),
                net.jqwik.api.Tuple.of(1, dashDate),
                net.jqwik.api.Tuple.of(1, time),
                net.jqwik.api.Tuple.of(1, percent),
                net.jqwik.api.Tuple.of(1, money),
                net.jqwik.api.Tuple.of(1, fraction));
        return Combinators.combine(token.list().ofMinSize(1).ofMaxSize(30), Arbitraries.of(" ", ", ", "; "))
                .as((tokens, sep) -> String.join(sep, tokens));
    }

    /** Dates, times, percentages, money and fractions among words are not references. */
    @Property(tries = 2000)
    void findsNothingInDatesTimesAndFigures(@ForAll("plainTexts") String text) {
        assertThat(ReferenceParser.extract(text)).as("references in [%s]", text).isEmpty();
    }
}
