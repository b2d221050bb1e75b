package org.mandate.organization.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.organization.ImportReport;
import org.springframework.boot.json.JsonWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of import runs and their findings. */
@Repository
public class ImportRuns {
    private final JdbcClient jdbc;
    private final AuditLog audit;

    ImportRuns(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Run(long id, String checksum, String files) {}

    public static BiFunction<LocalDate, String, String> bundledLegalBasis() {
        return new AdminUnitLegalBasis();
    }

    public Optional<Run> find(String source) {
        return jdbc.sql(
                        "SELECT id, checksum, summary->>'files' AS files FROM import_run WHERE source = :source ORDER BY id LIMIT 1")
                .param("source", source)
                .query(Run.class)
                .optional();
    }

    public long record(String source, String checksum, List<String> files, HistoryPlan plan) {
        long runId = jdbc.sql("""
                        INSERT INTO import_run (source, checksum, summary)
                        VALUES (:source, :checksum, jsonb_build_object(
                            'files', :files::text, 'units', :units, 'versions', :versions,
                            'events', :events, 'successions', :successions))
                        RETURNING id
                        """)
                .param("source", source)
                .param("checksum", checksum)
                .param("files", String.join(", ", files))
                .param("units", plan.unitCount())
                .param("versions", plan.versions().size())
                .param("events", plan.events().size())
                .param("successions", plan.successions().size())
                .query(Long.class)
                .single();
        for (var f : plan.findings()) {
            jdbc.sql("""
                            INSERT INTO import_finding (run_id, file, row_no, code, unit, decision, raw_row)
                            VALUES (:run, :file, :line, :code, :unit, :decision, :raw)
                            """)
                    .param("run", runId)
                    .param("file", f.file())
                    .param("line", f.line())
                    .param("code", f.code())
                    .param("unit", f.unit())
                    .param("decision", f.decision())
                    .param("raw", f.raw())
                    .update();
        }
        String detail =
                JsonWriter.standard().writeToString(Map.of("source", source, "files", String.join(", ", files)));
        audit.record(AuditRecord.of("system", "import", "import_run", runId, detail));
        return runId;
    }

    public ImportReport report(long runId, boolean unchanged) {
        record Summary(String checksum, int units, int versions, int events, int successions) {}
        var summary = jdbc.sql("""
                        SELECT checksum, (summary->>'units')::int AS units, (summary->>'versions')::int AS versions,
                               (summary->>'events')::int AS events, (summary->>'successions')::int AS successions
                          FROM import_run WHERE id = :id
                        """).param("id", runId).query(Summary.class).single();
        var findings = jdbc.sql(
                        "SELECT file, row_no AS line, code, unit, decision FROM import_finding WHERE run_id = :id ORDER BY file, row_no")
                .param("id", runId)
                .query(ImportReport.Finding.class)
                .list();
        return new ImportReport(
                runId,
                summary.checksum(),
                unchanged,
                summary.units(),
                summary.versions(),
                summary.events(),
                summary.successions(),
                findings);
    }

    public Optional<Long> latest(String source) {
        return jdbc.sql("SELECT id FROM import_run WHERE source = :source ORDER BY id DESC LIMIT 1")
                .param("source", source)
                .query(Long.class)
                .optional();
    }
}
