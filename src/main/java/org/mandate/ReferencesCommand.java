package org.mandate;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mandate.document.ReferenceJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./mandate refs FILE}: the official numbers in a UTF-8 text file as JSON, the same as
 * {@code POST /api/references/extract} gives. Reads no stored data, so it starts no application.
 */
final class ReferencesCommand {
    private ReferencesCommand() {}

    static int run(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ./mandate refs FILE   (FILE: a UTF-8 text; - reads standard input)");
            return 2;
        }
        String text;
        try {
            byte[] bytes = args[1].equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(args[1]));
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            System.err.println("There is no file " + args[1]);
            return 1;
        } catch (CharacterCodingException e) {
            System.err.println(args[1] + " is not UTF-8 text; convert it first (iconv -f CP1258 -t UTF-8, for one)");
            return 1;
        } catch (IOException e) {
            System.err.println("Could not read " + args[1] + ": " + e.getMessage());
            return 1;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark is not part of the text; offsets count from after it
        }
        System.out.println(
                JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(ReferenceJson.extract(text)));
        return 0;
    }
}
