package org.mandate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Api.JSON;
import static org.mandate.support.Units.coded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.access.ApiTokens;
import org.mandate.support.Api;
import org.mandate.support.LibreOffice;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files attached as offices make them (PDF and DOCX written by LibreOffice), and files that cannot be read. */
@MandateIT
class DocumentFilesIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private long newDocument(String symbol) {
        long body = coded(jdbc, "TU-QN");
        var created = Api.as(port, tokens, "quangninh")
                .post()
                .uri("/api/documents")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("symbol", symbol, "issuingBody", body, "title", "Văn bản có tệp đính kèm"))
                .retrieve()
                .toEntity(JSON);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return ((Number) ((Map<String, Object>) created.getBody().get("summary")).get("id")).longValue();
    }

    private ResponseEntity<Map<String, Object>> upload(long id, String name, byte[] bytes) {
        return Api.upload(Api.as(port, tokens, "quangninh"), "/api/documents/" + id + "/files", "file", name, bytes);
    }

    private Map<String, Object> detail(long id) {
        return Api.as(port, tokens, "quangninh")
                .get()
                .uri("/api/documents/" + id)
                .retrieve()
                .toEntity(JSON)
                .getBody();
    }

    private List<Map<String, Object>> search(String q) {
        return (List<Map<String, Object>>) Api.as(port, tokens, "quangninh")
                .get()
                .uri(b -> b.path("/api/documents").queryParam("q", q).build())
                .retrieve()
                .toEntity(JSON)
                .getBody()
                .get("items");
    }

    @Test
    void theTextOfPdfAndDocxFilesIsSearchedAndItsReferencesLinked() throws Exception {
        long id = newDocument("921-TB/TU");
        Path text = dir.resolve("thong-bao.txt");
        Files.writeString(
                text,
                "Thông báo kết luận về khu kinh tế cửa khẩu Bắc Luân.\nThực hiện Kết luận số 1026-KL/TU ngày 11/7/2023.\n",
                StandardCharsets.UTF_8);
        Path pdf = LibreOffice.convert(text, "pdf");
        var attached = upload(id, "thong-bao.pdf", Files.readAllBytes(pdf));
        assertThat(attached.getStatusCode().value()).isEqualTo(201);
        assertThat(attached.getBody()).containsEntry("hasText", true).containsEntry("warning", null);

        Files.writeString(text, "Phụ lục: danh mục dự án cầu Bắc Luân III.\n", StandardCharsets.UTF_8);
        Path docx = LibreOffice.convert(text, "docx:MS Word 2007 XML");
        assertThat(upload(id, "phu-luc.docx", Files.readAllBytes(docx)).getBody())
                .containsEntry("hasText", true);

        assertThat(search("khu kinh te cua khau Bac Luan"))
                .extracting(d -> ((Number) d.get("id")).longValue())
                .contains(id);
        assertThat(search("danh muc du an cau"))
                .extracting(d -> ((Number) d.get("id")).longValue())
                .contains(id);
        var refersTo = (List<Map<String, Object>>) detail(id).get("refersTo");
        assertThat(refersTo)
                .extracting(l -> ((Map<String, Object>) l.get("to")).get("symbol"))
                .contains("1026-KL/TU");

        // the file comes back byte for byte
        var fileId = ((Number) attached.getBody().get("id")).longValue();
        byte[] back = Api.as(port, tokens, "quangninh")
                .get()
                .uri("/api/documents/" + id + "/files/" + fileId)
                .retrieve()
                .body(byte[].class);
        assertThat(back).isEqualTo(Files.readAllBytes(pdf));
    }

    @Test
    void filesThatCannotBeReadAreKeptWithAWarning() {
        long id = newDocument("922-TB/TU");
        var broken = upload(id, "hong.pdf", "%PDF-1.7 this is not really a PDF".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.getStatusCode().value()).isEqualTo(201);
        assertThat((String) broken.getBody().get("warning")).contains("hong.pdf", "could not be read");

        var large = upload(id, "lon.pdf", new byte[1_500_000]);
        assertThat(large.getStatusCode().value()).isEqualTo(201);
        assertThat((String) large.getBody().get("warning")).contains("over the 1 MB limit");

        assertThat((List<String>) detail(id).get("warnings")).hasSize(2);
        assertThat((List<Map<String, Object>>) detail(id).get("files")).hasSize(2);

        var tooLarge = upload(id, "qua-lon.pdf", new byte[2_500_000]);
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat((String) tooLarge.getBody().get("detail")).contains("2 MB");
        assertThat((List<Map<String, Object>>) detail(id).get("files")).hasSize(2);
    }
}
