package org.mandate.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scope;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.document.internal.FileText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.json.JsonWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to documents (PDF, DOCX, anything else), stored as given in the database. Their
 * text is read for search and for references; a file that cannot be read, or is larger than the
 * text limit, is still kept, with a warning.
 */
@Service
class DocumentFiles {
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final long textLimit;

    DocumentFiles(
            JdbcClient jdbc, AuditLog audit, @Value("${mandate.documents.text-limit-bytes:20971520}") long textLimit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.textLimit = textLimit;
    }

    List<AttachedFile> list(long documentId) {
        return jdbc.sql("""
                        SELECT id, name, content_type, size, text IS NOT NULL AS has_text, warning, created_at
                          FROM document_file WHERE document_id = :d ORDER BY id
                        """)
                .param("d", documentId)
                .query((rs, n) -> new AttachedFile(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("content_type"),
                        rs.getLong("size"),
                        rs.getBoolean("has_text"),
                        rs.getString("warning"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    String allText(long documentId) {
        return jdbc.sql(
                        "SELECT coalesce(string_agg(text, E'\\n' ORDER BY id), '') FROM document_file WHERE document_id = :d")
                .param("d", documentId)
                .query(String.class)
                .single();
    }

    /** Stores the file, reads its text, and returns it with what could not be read. */
    @Transactional
    AttachedFile attach(
            long documentId, @Nullable Long unitId, Scope scope, String name, String contentType, byte[] bytes) {
        FileText.Extracted extracted = bytes.length > textLimit
                ? new FileText.Extracted(
                        null,
                        name + ": " + bytes.length / (1024 * 1024) + " MB is over the " + textLimit / (1024 * 1024)
                                + " MB limit for reading text; the file is kept as given but its words are not searched")
                : FileText.read(name, bytes);
        long id = jdbc.sql("""
                        INSERT INTO document_file (document_id, name, content_type, size, sha256, content, text, warning, created_by)
                        VALUES (:d, :name, :type, :size, :sha, :content, :text, :warning, :actor)
                        RETURNING id
                        """)
                .param("d", documentId)
                .param("name", name)
                .param("type", contentType)
                .param("size", (long) bytes.length)
                .param("sha", sha256(bytes))
                .param("content", bytes)
                .param(
                        "text",
                        extracted.text() == null ? null : extracted.text().replace("\u0000", ""))
                .param("warning", extracted.warning())
                .param("actor", Documents.actor(scope))
                .query(Long.class)
                .single();
        var detail =
                new java.util.LinkedHashMap<String, Object>(Map.of("file", id, "name", name, "size", bytes.length));
        if (extracted.warning() != null) {
            detail.put("warning", extracted.warning());
        }
        audit.record(new AuditRecord(
                Documents.actor(scope),
                "attach_file",
                "document",
                documentId,
                unitId,
                JsonWriter.standard().writeToString(detail),
                null,
                null));
        return list(documentId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    java.util.Optional<FileContent> content(long documentId, long fileId) {
        return jdbc.sql("SELECT name, content_type, content FROM document_file WHERE id = :f AND document_id = :d")
                .param("f", fileId)
                .param("d", documentId)
                .query((rs, n) -> new FileContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
