package org.mandate.document.internal;

import org.jspecify.annotations.Nullable;

/**
 * Recognizes Vietnamese text typed in the legacy 8-bit fonts (TCVN3/ABC ".VnTime", VNI "VNI-Times")
 * and shown as Unicode: such text reads as garbage ("Nghþ quyÕt", "Nghò quyeát") and its words are
 * not found by search. It is kept as given; the document carries a warning saying which encoding
 * it looks like, so staff can convert it (Unikey's converter, for one).
 */
public final class LegacyEncoding {
    /** Characters that TCVN3 uses for Vietnamese letters and that Unicode Vietnamese never has. */
    private static final String TCVN3_MARKERS = "¸µ¶·¹¨©ª«¬®¦§¤¥¡¢£¯°±²³´½¾ÆÇËÌÎÏÑÒÖ×ØÜÝÞßøþ";

    /** VNI writes a tone or hat as a second Latin-1 character after the vowel. */
    private static final String VNI_MARKERS = "øùûõïäåëöñ";

    private LegacyEncoding() {}

    /** The name of the legacy encoding the text looks like, or null when it looks like Unicode. */
    public static @Nullable String detect(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int letters = 0;
        int tcvn3 = 0;
        int vni = 0;
        int unicodeVietnamese = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c) && TCVN3_MARKERS.indexOf(c) < 0) {
                continue;
            }
            letters++;
            if (TCVN3_MARKERS.indexOf(c) >= 0) {
                tcvn3++;
            }
            if (VNI_MARKERS.indexOf(c) >= 0) {
                vni++;
            }
            if (c >= '\u1EA0' && c <= '\u1EF9' || c == 'đ' || c == 'Đ' || c == 'ư' || c == 'ơ') {
                unicodeVietnamese++;
            }
        }
        if (letters < 20 || unicodeVietnamese * 50 > letters) {
            return null;
        }
        if (vni * 25 > letters) {
            return "VNI";
        }
        if (tcvn3 * 25 > letters) {
            return "TCVN3 (ABC)";
        }
        return null;
    }
}
