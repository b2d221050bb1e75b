package org.mandate.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** Bad input over HTTP: a problem detail that says where and why, and nothing written. */
@MandateIT
class BadInputIT {
    static final String HEADER = "code,level,kind,name,full_name,name_en,full_name_en,parent_code\r\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.mandate.access.ApiTokens tokens;

    RestClient http;

    @BeforeEach
    void client() {
        http = org.mandate.support.Api.as(port, tokens, "admin");
    }

    private Map<String, Object> upload(String name, String text) {
        return org.mandate.support.Api.upload(
                        http, "/api/imports/admin-units", "files", name, text.getBytes(StandardCharsets.UTF_8))
                .getBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String uri, String json) {
        return http.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .body(Map.class);
    }

    @Test
    void aMalformedUploadNamesFileLineAndFieldAndWritesNothing() {
        long runs = count("import_run");
        var problem = upload(
                "admin-units-2025-03-01.csv",
                "\uFEFF" + HEADER
                        + "22,province,province,Quảng Ninh,Tỉnh Quảng Ninh,,,\r\n194,district,provincial_city,Móng Cái,TP Móng Cái,,,99\r\n");
        assertThat(problem)
                .containsEntry("status", 400)
                .containsEntry("file", "admin-units-2025-03-01.csv")
                .containsEntry("line", 3)
                .containsEntry("field", "parent_code");
        var shortRow = upload("admin-units-2025-03-01.csv", HEADER + "22,province\r\n");
        assertThat(shortRow).containsEntry("status", 400).containsEntry("line", 2);
        assertThat(count("import_run")).isEqualTo(runs);
    }

    @Test
    void aValidButDifferentImportOverTheRegistryIsAConflict() {
        var conflict =
                upload("admin-units-2025-03-01.csv", HEADER + "22,province,province,Quảng Ninh,Tỉnh Quảng Ninh,,,\r\n");
        assertThat(conflict).containsEntry("status", 409);
    }

    @Test
    void changeRequestsNameTheBadFieldOrTheContradiction() {
        var noDate = post("/api/units", """
                {"hierarchy":"body","code":"B1","name":"X","fullName":"X","level":"province","kind":"party_committee",
                 "effectiveDate":"1/7/2030","legalBasis":"1/QĐ"}""");
        assertThat(noDate).containsEntry("status", 400).containsEntry("field", "effectiveDate");
        var noBasis = post("/api/units", """
                {"hierarchy":"body","code":"B1","name":"X","fullName":"X","level":"province","kind":"party_committee",
                 "effectiveDate":"2030-07-01"}""");
        assertThat(noBasis).containsEntry("field", "legalBasis");
        var created = post("/api/units", """
                {"hierarchy":"body","code":"B-HTTP","name":"Đảng ủy thử","fullName":"Đảng ủy thử","level":"province",
                 "kind":"party_committee","effectiveDate":"2030-07-01","legalBasis":"1/QĐ-TU"}""");
        Object id = created.get("id");
        assertThat(id).isNotNull();
        assertThat(post("/api/units/" + id + "/dissolve", """
                {"effectiveDate":"2030-08-01","legalBasis":"2/QĐ-TU"}""")).containsEntry("id", id);
        var intoDissolved = post("/api/merges", """
                {"predecessorIds":[%s],"successorId":%s,"effectiveDate":"2030-09-01","legalBasis":"3/QĐ-TU"}""".formatted(id, id));
        assertThat(intoDissolved.get("status")).isIn(400, 409);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
