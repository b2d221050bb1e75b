package org.mandate.document.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jspecify.annotations.Nullable;

/**
 * The text of an attached file, for search: PDF through PDFBox, DOCX through Apache POI. A file
 * whose text cannot be read is still kept as given; the warning says why.
 */
public final class FileText {
    private FileText() {}

    /** Text read from a file, or the reason it has none. */
    public record Extracted(@Nullable String text, @Nullable String warning) {}

    public static Extracted read(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".pdf") || startsWith(content, "%PDF")) {
                return checked(name, pdf(content));
            }
            if (lower.endsWith(".docx")) {
                return checked(name, docx(content));
            }
            return new Extracted(
                    null, name + ": only PDF and DOCX files are read for search; the file is kept as given");
        } catch (InvalidPasswordException e) {
            return new Extracted(null, name + ": the PDF is protected by a password; its text could not be read");
        } catch (IOException | RuntimeException e) {
            return new Extracted(
                    null, name + ": the file could not be read (" + e.getMessage() + "); it is kept as given");
        }
    }

    private static Extracted checked(String name, String extracted) {
        // PDF text often comes with tone marks as separate combining characters; search needs them composed
        String text = java.text.Normalizer.normalize(extracted, java.text.Normalizer.Form.NFC);
        if (text.isBlank()) {
            return new Extracted(
                    null, name + ": the file holds no text (a scan without a text layer?); it is kept as given");
        }
        String legacy = LegacyEncoding.detect(text);
        if (legacy != null) {
            return new Extracted(
                    text,
                    name + ": the text looks typed in the legacy " + legacy
                            + " encoding; search will not find its words until it is converted to Unicode");
        }
        return new Extracted(text, null);
    }

    private static String pdf(byte[] content) throws IOException {
        try (var document = Loader.loadPDF(content)) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    private static String docx(byte[] content) throws IOException {
        try (var document = new XWPFDocument(new ByteArrayInputStream(content));
                var extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (content[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
