package org.mandate.document;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an issuer code names one body of the whole country (TW, CP, TTg, QH15, a ministry) or a
 * kind of body that every province has (TU, HU, ĐU, UBND, HĐND...). A local code means nothing
 * without its province: 1026-KL/TU of Quảng Ninh and 1026-KL/TU of Lào Cai are two documents.
 */
public final class Issuers {
    private static final Set<String> CENTRAL = Set.of(
            "TW", "TƯ", "CP", "TTG", "CTN", "VPCP", "QH", "UBTVQH", "TANDTC", "VKSNDTC", "KTNN", "MTTQVN", "NHNN",
            "TTCP", "UBDT", "BTC", "BNV", "BYT", "BCA", "BQP", "BCT", "BNG", "BTP", "BKHDT", "BKHCN", "BGDDT", "BGTVT",
            "BXD", "BTNMT", "BTTTT", "BLDTBXH", "BVHTTDL", "BNNPTNT", "BNNMT", "BDTTG", "TLDLDVN", "TWDTN", "BCDTW");

    private static final Pattern TERM = Pattern.compile("(QH|UBTVQH)\\d*");

    private Issuers() {}

    /** Issuer codes every province has, and the ones above: the codes a run-together word is cut from. */
    private static final Set<String> LOCAL = Set.of("TU", "HU", "DU", "ĐU", "UBND", "HDND", "HĐND", "BCD", "BCĐ", "TƯ");

    /**
     * Whether a run of capitals cut at a small letter ("CPS" of "CPSigner") is a known issuer
     * code followed by the capital that starts the next word: "CP" is known, "CPS" is not.
     */
    static boolean capitalStartsNextWord(String capitals) {
        String folded = Codes.fold(capitals);
        String shorter = folded.substring(0, folded.length() - 1);
        return !known(folded) && known(shorter);
    }

    private static boolean known(String folded) {
        return CENTRAL.contains(folded)
                || LOCAL.contains(folded)
                || TERM.matcher(folded).matches();
    }

    public static boolean isCentral(String issuer) {
        String first = Codes.fold(issuer.split("-", 2)[0]);
        return CENTRAL.contains(first) || TERM.matcher(first).matches() || first.endsWith("TW") && first.length() > 2;
    }
}
