package org.mandate.document;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The type and issuer codes of official numbers, and how their spellings are normalized. */
final class Codes {
    private Codes() {}

    /** Canonical type codes (Decree 30/2020/NĐ-CP appendix I; Party Regulation 66-QĐ/TW). */
    private static final Set<String> TYPES = Set.of(
            "NQ", "NQLT", "KL", "CT", "CTr", "KH", "QĐ", "QĐi", "QyĐ", "QĐLT", "QC", "TB", "BC", "HD", "HDLT", "NĐ",
            "TT", "TTLT", "CV", "TTr", "CĐ", "ĐA", "PA", "BB", "GM", "SL", "PL", "CTLT", "KHLT", "TC", "GUQ", "GGT",
            "PC", "BGN", "HĐ");

    /** Spellings without Đ or in another case, folded (upper case, Đ as D), to the canonical type. */
    private static final Map<String, String> TYPE_BY_FOLDED = new HashMap<>();

    static {
        for (String type : TYPES) {
            TYPE_BY_FOLDED.putIfAbsent(fold(type), type);
        }
        // HD is a guidance (hướng dẫn); a contract (HĐ) is only taken when written with Đ
        TYPE_BY_FOLDED.put("HD", "HD");
    }

    /** Issuer parts that are written with Đ, also when typed with a plain D. */
    private static final Map<String, String> ISSUER_PARTS = Map.of(
            "HDND", "HĐND",
            "DU", "ĐU",
            "BCD", "BCĐ",
            "DTN", "ĐTN",
            "DBQH", "ĐBQH",
            "DDBQH", "ĐĐBQH");

    static String fold(String code) {
        return code.toUpperCase(Locale.ROOT).replace('Đ', 'D').replace('\u00D0', 'D');
    }

    /** The canonical type for a code as written, or null when it is not a document type. */
    static @Nullable String type(String written) {
        // Ð (U+00D0, Icelandic eth) stands in for Đ in texts typed with some fonts
        String upper = written.replace('\u00D0', 'Đ').toUpperCase(Locale.ROOT);
        if (upper.equals("HĐ")) {
            return "HĐ";
        }
        return TYPE_BY_FOLDED.get(fold(written));
    }

    /** Upper case, no spaces, hyphens for dashes, and Đ in the parts that have one ({@code HDND} becomes {@code HĐND}). */
    static String issuer(String written) {
        var out = new StringBuilder(written.length());
        for (String part : written.replaceAll("\\s+", "")
                .replaceAll("[\\u2010-\\u2014\\u2212]", "-")
                .replace('\u00D0', 'Đ')
                .toUpperCase(Locale.ROOT)
                .split("-", -1)) {
            if (!out.isEmpty()) {
                out.append('-');
            }
            out.append(ISSUER_PARTS.getOrDefault(part, part));
        }
        return out.toString();
    }
}
