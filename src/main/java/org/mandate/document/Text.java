package org.mandate.document;

/** Character tests and scans shared by the reference scanner's parts. */
final class Text {
    /** At most this many blanks are taken around a separator ({@code 06 - NQ / TU}). */
    private static final int MAX_BLANKS = 2;

    private Text() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Hyphen, the Unicode hyphens, figure dash, en and em dash, minus. */
    static boolean isDash(char c) {
        return c == '-'
                || c == '\u2010'
                || c == '\u2011'
                || c == '\u2012'
                || c == '\u2013'
                || c == '\u2014'
                || c == '\u2212';
    }

    /** Space, tab, no-break space and narrow no-break space; not line ends. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F';
    }

    static int digitsEnd(String text, int i) {
        int n = text.length();
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static int skipBlanks(String text, int i) {
        int n = text.length();
        int limit = Math.min(n, i + MAX_BLANKS);
        while (i < limit && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Skips any whitespace backwards; returns the index just after the last non-space before {@code i}. */
    static int skipSpaceBack(String text, int i) {
        while (i > 0 && (Character.isWhitespace(text.charAt(i - 1)) || isBlank(text.charAt(i - 1)))) {
            i--;
        }
        return i;
    }

    /**
     * The end of one code segment from {@code i}: letters, then letters or digits ({@code QH15}).
     * A segment begun in capitals ends at the first small letter, so a symbol run together with
     * the next word ({@code 7/NQ-CPngày}) stops where the word starts; {@code TTg} (the Prime
     * Minister) is the one code with a small letter.
     */
    static int codeEnd(String text, int i) {
        int n = text.length();
        if (i >= n || !Character.isLetter(text.charAt(i))) {
            return i;
        }
        boolean capitals = Character.isUpperCase(text.charAt(i));
        int e = i;
        while (e < n) {
            char c = text.charAt(e);
            if (!Character.isLetterOrDigit(c)) {
                break;
            }
            if (capitals && Character.isLowerCase(c)) {
                if (mixedCaseCode(text, i, e)) {
                    e++;
                } else if (e - i >= 3 && Issuers.capitalStartsNextWord(text.substring(i, e))) {
                    e--; // "CPSigner": the capital S starts the next word
                }
                break;
            }
            e++;
        }
        return e;
    }

    /** TTg, CTr, QĐi: the codes whose last letter is small. */
    private static boolean mixedCaseCode(String text, int start, int at) {
        char c = text.charAt(at);
        int len = at - start;
        if (c == 'g') {
            return len == 2 && text.startsWith("TT", start);
        }
        if (c == 'r') {
            return len == 2 && text.startsWith("CT", start) || len == 2 && text.startsWith("TT", start);
        }
        if (c == 'i') {
            return len == 2 && (text.startsWith("QĐ", start) || text.startsWith("QD", start));
        }
        return false;
    }

    /** The end of an issuer: code segments joined by hyphens without spaces ({@code BTC-BNN}). */
    static int issuerEnd(String text, int i) {
        int e = codeEnd(text, i);
        if (e == i) {
            return i;
        }
        while (e + 1 < text.length() && isDash(text.charAt(e)) && Character.isLetter(text.charAt(e + 1))) {
            int next = codeEnd(text, e + 1);
            if (next == e + 1) {
                break;
            }
            e = next;
        }
        return e;
    }

    /** At least two letters, none of them small but TTg's g. */
    static boolean isCapitalCode(String text, int start, int end) {
        int letters = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            // the g of TTg (the Prime Minister) is the one small letter: 355/TTg, 1234/TTg-KTTH
            boolean primeMinister = c == 'g' && i - start == 2 && text.startsWith("TT", start);
            if (Character.isLowerCase(c) && !primeMinister) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    /** Whether the text just before {@code end} is {@code word} (any case) starting at a word boundary. */
    static boolean endsWithWord(String text, int end, String word) {
        int start = end - word.length();
        if (start < 0 || !text.regionMatches(true, start, word, 0, word.length())) {
            return false;
        }
        return start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
    }

    /** Whether {@code word} (any case) starts at {@code i} and is not followed by a letter. */
    static boolean startsWithWord(String text, int i, String word) {
        int end = i + word.length();
        if (end > text.length() || !text.regionMatches(true, i, word, 0, word.length())) {
            return false;
        }
        return end == text.length() || !Character.isLetter(text.charAt(end));
    }
}
