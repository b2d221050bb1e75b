package org.mandate.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mandate.document.DocumentGraph;
import org.mandate.document.DocumentLink;
import org.mandate.document.DocumentSummary;
import org.mandate.document.Relation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the document registry: documents, links and the reads the pages and the API need. */
@Repository
public class DocumentStore {
    static final String SUMMARY_COLUMNS =
            "d.id, d.symbol, d.type, d.number, d.year, d.issuer, d.issued_on, d.title, d.status, d.registered,"
                    + " d.unit_id, d.issuing_body_id";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields written when a document is registered or first known by number. */
    public record Row(
            String identityKey,
            String symbol,
            @Nullable String type,
            String number,
            @Nullable Integer year,
            String issuer,
            @Nullable Long issuerProvinceId,
            @Nullable Long issuingBodyId,
            @Nullable Long unitId,
            @Nullable LocalDate issuedOn,
            @Nullable String title,
            @Nullable String signer,
            @Nullable String body,
            String status,
            boolean registered,
            List<String> warnings,
            String numberKey,
            List<String> codes,
            String actor) {}

    /** What the rules need to know of a stored document. */
    public record Stored(
            long id, boolean registered, @Nullable Long unitId, int version) {}

    public Optional<Stored> byIdentity(String identityKey) {
        return jdbc.sql("SELECT id, registered, unit_id, version FROM document WHERE identity_key = :k")
                .param("k", identityKey)
                .query(Stored.class)
                .optional();
    }

    public Optional<Stored> stored(long id) {
        return jdbc.sql("SELECT id, registered, unit_id, version FROM document WHERE id = :id")
                .param("id", id)
                .query(Stored.class)
                .optional();
    }

    public String identityOf(long id) {
        return jdbc.sql("SELECT identity_key FROM document WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    public long insert(Row r) {
        return jdbc.sql("""
                        INSERT INTO document (identity_key, symbol, type, number, year, issuer, issuer_province_id,
                               issuing_body_id, unit_id, issued_on, title, signer, body, status, registered, warnings,
                               number_key, codes, created_by)
                        VALUES (:identityKey, :symbol, :type, :number, :year, :issuer, :issuerProvinceId,
                               :issuingBodyId, :unitId, :issuedOn, :title, :signer, :body, :status, :registered,
                               :warnings, :numberKey, :codes, :actor)
                        RETURNING id
                        """).params(params(r)).query(Long.class).single();
    }

    private static java.util.Map<String, @Nullable Object> params(Row r) {
        var p = new java.util.HashMap<String, @Nullable Object>();
        p.put("identityKey", r.identityKey());
        p.put("symbol", r.symbol());
        p.put("type", r.type());
        p.put("number", r.number());
        p.put("year", r.year());
        p.put("issuer", r.issuer());
        p.put("issuerProvinceId", r.issuerProvinceId());
        p.put("issuingBodyId", r.issuingBodyId());
        p.put("unitId", r.unitId());
        p.put("issuedOn", r.issuedOn());
        p.put("title", r.title());
        p.put("signer", r.signer());
        p.put("body", r.body());
        p.put("status", r.status());
        p.put("registered", r.registered());
        p.put("warnings", r.warnings().toArray(String[]::new));
        p.put("numberKey", r.numberKey());
        p.put("codes", r.codes().toArray(String[]::new));
        p.put("actor", r.actor());
        return p;
    }

    /** Registers a document that was known by number only: the references to it now point at it. */
    public void fill(long id, Row r) {
        jdbc.sql("""
                        UPDATE document SET symbol = :symbol, issuing_body_id = :issuingBodyId, unit_id = :unitId,
                               issued_on = coalesce(:issuedOn, issued_on), title = :title, signer = :signer, body = :body,
                               status = :status, registered = true, warnings = :warnings, version = version + 1,
                               updated_at = now()
                         WHERE id = :id AND NOT registered
                        """).params(params(r)).param("id", id).update();
    }

    /** @return false when the version read is no longer the stored one */
    public boolean update(
            long id,
            int version,
            @Nullable LocalDate issuedOn,
            @Nullable String title,
            @Nullable String signer,
            @Nullable String body,
            String status,
            List<String> warnings) {
        return jdbc.sql("""
                        UPDATE document SET issued_on = :issuedOn, title = :title, signer = :signer, body = :body,
                               status = :status, warnings = :warnings, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version AND registered
                        """)
                        .param("id", id)
                        .param("version", version)
                        .param("issuedOn", issuedOn)
                        .param("title", title)
                        .param("signer", signer)
                        .param("body", body)
                        .param("status", status)
                        .param("warnings", warnings.toArray(String[]::new))
                        .update()
                == 1;
    }

    /** Folded words of number, title, text and attached files; the input is capped below tsvector's 1 MB. */
    public void refreshSearch(long id) {
        jdbc.sql("""
                        UPDATE document d SET search = to_tsvector('simple', fold_text(left(
                               d.symbol || ' ' || coalesce(d.title, '') || ' ' || coalesce(d.body, '') || ' '
                               || coalesce((SELECT string_agg(f.text, ' ') FROM document_file f WHERE f.document_id = d.id), ''),
                               400000)))
                         WHERE d.id = :id
                        """).param("id", id).update();
    }

    /** The row as JSON, for the audit log's before and after. */
    public @Nullable String snapshot(long id) {
        return jdbc.sql("SELECT (to_jsonb(d) - 'search' - 'codes' - 'number_key')::text FROM document d WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    public DocumentSummary summary(long id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM document d WHERE d.id = :id")
                .param("id", id)
                .query(DocumentStore::summary)
                .single();
    }

    public record Texts(@Nullable String signer, @Nullable String body, List<String> warnings, int version) {}

    public Texts texts(long id) {
        return jdbc.sql("SELECT signer, body, warnings, version FROM document WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Texts(
                        rs.getString("signer"),
                        rs.getString("body"),
                        Arrays.asList((String[]) rs.getArray("warnings").getArray()),
                        rs.getInt("version")))
                .single();
    }

    static DocumentSummary summary(ResultSet rs, int n) throws SQLException {
        return new DocumentSummary(
                rs.getLong("id"),
                rs.getString("symbol"),
                rs.getString("type"),
                rs.getString("number"),
                (Integer) rs.getObject("year"),
                rs.getString("issuer"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getString("title"),
                rs.getString("status"),
                rs.getBoolean("registered"),
                (Long) rs.getObject("unit_id"),
                (Long) rs.getObject("issuing_body_id"));
    }

    // ---- links

    public record NewLink(long toId, Relation relation, String raw, int position) {}

    /**
     * Replaces the links read from a document's text; a relation a user set on a pair is kept.
     * The same document named twice gives one link, from its first mention.
     */
    public void replaceInferredLinks(long fromId, List<NewLink> links) {
        jdbc.sql("DELETE FROM document_link WHERE from_id = :from AND inferred")
                .param("from", fromId)
                .update();
        for (NewLink link : links) {
            jdbc.sql("""
                            INSERT INTO document_link (from_id, to_id, relation, inferred, raw, position)
                            VALUES (:from, :to, :relation, true, :raw, :position)
                            ON CONFLICT (from_id, to_id) DO NOTHING
                            """)
                    .param("from", fromId)
                    .param("to", link.toId())
                    .param("relation", link.relation().code())
                    .param("raw", link.raw())
                    .param("position", link.position())
                    .update();
        }
    }

    /** @return the relation before, or empty when there is no such link */
    public Optional<Relation> setRelation(long fromId, long toId, Relation relation) {
        var before = jdbc.sql("SELECT relation FROM document_link WHERE from_id = :from AND to_id = :to FOR UPDATE")
                .param("from", fromId)
                .param("to", toId)
                .query(String.class)
                .optional()
                .map(Relation::of);
        before.ifPresent(b -> jdbc.sql("""
                        UPDATE document_link SET relation = :relation, inferred = false
                         WHERE from_id = :from AND to_id = :to
                        """)
                .param("from", fromId)
                .param("to", toId)
                .param("relation", relation.code())
                .update());
        return before;
    }

    /** Links of the document, outgoing or incoming, with both ends summarized. */
    public List<DocumentLink> links(long id, boolean outgoing) {
        String sql =
                """
                SELECT l.relation, l.inferred,
                       a.id, a.symbol, a.type, a.number, a.year, a.issuer, a.issued_on, a.title, a.status, a.registered,
                       a.unit_id, a.issuing_body_id,
                       b.id AS b_id, b.symbol AS b_symbol, b.type AS b_type, b.number AS b_number, b.year AS b_year,
                       b.issuer AS b_issuer, b.issued_on AS b_issued_on, b.title AS b_title, b.status AS b_status,
                       b.registered AS b_registered, b.unit_id AS b_unit_id, b.issuing_body_id AS b_issuing_body_id
                  FROM document_link l
                  JOIN document a ON a.id = l.from_id
                  JOIN document b ON b.id = l.to_id
                 WHERE """ + (outgoing ? " l.from_id" : " l.to_id") + " = :id ORDER BY l.position NULLS LAST, a.issued_on";
        return jdbc.sql(sql)
                .param("id", id)
                .query((rs, n) -> new DocumentLink(
                        summary(rs, n),
                        new DocumentSummary(
                                rs.getLong("b_id"),
                                rs.getString("b_symbol"),
                                rs.getString("b_type"),
                                rs.getString("b_number"),
                                (Integer) rs.getObject("b_year"),
                                rs.getString("b_issuer"),
                                rs.getObject("b_issued_on", LocalDate.class),
                                rs.getString("b_title"),
                                rs.getString("b_status"),
                                rs.getBoolean("b_registered"),
                                (Long) rs.getObject("b_unit_id"),
                                (Long) rs.getObject("b_issuing_body_id")),
                        Relation.of(rs.getString("relation")),
                        rs.getBoolean("inferred")))
                .list();
    }

    /**
     * The documents reachable from the root along links either way, up to {@code depth} steps:
     * what it implements (and what those implement...) and what implements it. Each step is an
     * index lookup (primary key on from_id, document_link_to on to_id).
     */
    public DocumentGraph graph(long rootId, int depth, int maxNodes) {
        List<Long> ids = jdbc.sql("""
                        WITH RECURSIVE reach(id, depth) AS (
                            SELECT CAST(:root AS bigint), 0
                            UNION
                            SELECT CASE WHEN l.from_id = r.id THEN l.to_id ELSE l.from_id END, r.depth + 1
                              FROM reach r JOIN document_link l ON l.from_id = r.id OR l.to_id = r.id
                             WHERE r.depth < :depth)
                        SELECT id FROM reach GROUP BY id ORDER BY min(depth), id LIMIT :max
                        """)
                .param("root", rootId)
                .param("depth", depth)
                .param("max", maxNodes)
                .query(Long.class)
                .list();
        Long[] idArray = ids.toArray(Long[]::new);
        var nodes = jdbc.sql("SELECT " + SUMMARY_COLUMNS
                        + " FROM document d WHERE d.id = ANY (:ids) ORDER BY d.issued_on NULLS LAST, d.id")
                .param("ids", idArray)
                .query(DocumentStore::summary)
                .list();
        var edges = jdbc.sql("""
                        SELECT from_id, to_id, relation FROM document_link
                         WHERE from_id = ANY (:ids) AND to_id = ANY (:ids)
                        """)
                .param("ids", idArray)
                .query((rs, n) -> new DocumentGraph.Edge(
                        rs.getLong("from_id"), rs.getLong("to_id"), Relation.of(rs.getString("relation"))))
                .list();
        return new DocumentGraph(rootId, new ArrayList<>(nodes), edges);
    }

    // ---- units

    /** The province a locality lies in (itself for a province), as it last stood. */
    public @Nullable Long provinceOf(long localityId) {
        return jdbc.sql("""
                        SELECT a.unit_id
                          FROM (SELECT path, valid FROM org_unit_version WHERE unit_id = :u
                                 ORDER BY upper(valid) DESC NULLS FIRST LIMIT 1) v
                          JOIN org_unit_version a ON a.unit_id = ANY (string_to_array(v.path::text, '.')::bigint[])
                                                 AND a.level = 'province' AND a.valid && v.valid
                         ORDER BY upper(a.valid) DESC NULLS FIRST LIMIT 1
                        """).param("u", localityId).query(Long.class).optional().orElse(null);
    }

    /**
     * The locality a unit stands for: itself for a locality, the locality a body belongs to (null
     * for a national body such as the Politburo). Empty when there is no such unit.
     */
    public Optional<Place> placeOf(long unitId) {
        return jdbc.sql("""
                        SELECT u.hierarchy, v.locality_id
                          FROM org_unit u
                          JOIN LATERAL (SELECT locality_id FROM org_unit_version WHERE unit_id = u.id
                                         ORDER BY upper(valid) DESC NULLS FIRST LIMIT 1) v ON true
                         WHERE u.id = :u
                        """)
                .param("u", unitId)
                .query((rs, n) -> new Place(
                        rs.getString("hierarchy").equals("locality")
                                ? Long.valueOf(unitId)
                                : (Long) rs.getObject("locality_id")))
                .optional();
    }

    public record Place(@Nullable Long localityId) {}
}
