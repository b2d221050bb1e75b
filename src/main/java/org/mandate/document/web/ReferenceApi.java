package org.mandate.document.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.mandate.document.ReferenceJson;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The reference extraction utility: public, since it reads no stored data. */
@RestController
class ReferenceApi {
    @PostMapping(path = "/api/references/extract", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Official document numbers in a UTF-8 text, in order of appearance, with their dates")
    List<ReferenceJson> extract(@RequestBody(required = false) byte[] body) {
        String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return ReferenceJson.extract(text);
    }
}
