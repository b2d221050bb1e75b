package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.Indicator;
import org.mandate.indicator.NewIndicator;
import org.mandate.indicator.PeriodType;
import org.mandate.indicator.Rollup;
import org.mandate.indicator.Target;
import org.mandate.indicator.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the catalogue: indicators, congress terms and targets. */
@Repository
public class IndicatorStore {
    private static final String INDICATOR = """
            SELECT i.id, i.code, i.name_vi, i.name_en, i.unit_of_measure, i.direction, i.period_type, i.rollup,
                   w.code AS weight_code, i.document_id
              FROM indicator i LEFT JOIN indicator w ON w.id = i.weight_indicator_id
            """;

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Indicator> all() {
        return jdbc.sql(INDICATOR + " ORDER BY i.code")
                .query(IndicatorStore::indicator)
                .list();
    }

    public Optional<Indicator> byCode(String code) {
        return jdbc.sql(INDICATOR + " WHERE i.code = :code")
                .param("code", code)
                .query(IndicatorStore::indicator)
                .optional();
    }

    public long insert(NewIndicator n, @Nullable Long weightId, String actor) {
        return jdbc.sql("""
                        INSERT INTO indicator (code, name_vi, name_en, unit_of_measure, direction, period_type, rollup,
                               weight_indicator_id, document_id, created_by)
                        VALUES (:code, :nameVi, :nameEn, :uom, :direction, :periodType, :rollup, :weight, :document, :actor)
                        RETURNING id
                        """)
                .param("code", n.code())
                .param("nameVi", n.nameVi())
                .param("nameEn", n.nameEn())
                .param("uom", n.unitOfMeasure())
                .param("direction", n.direction())
                .param("periodType", n.periodType().code())
                .param("rollup", n.rollup().code())
                .param("weight", weightId)
                .param("document", n.documentId())
                .param("actor", actor)
                .query(Long.class)
                .single();
    }

    public boolean documentExists(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM document WHERE id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    public List<Term> terms() {
        return jdbc.sql("SELECT id, code, start_year, end_year FROM term ORDER BY start_year")
                .query(Term.class)
                .list();
    }

    public Optional<Term> term(String code) {
        return jdbc.sql("SELECT id, code, start_year, end_year FROM term WHERE code = :code")
                .param("code", code)
                .query(Term.class)
                .optional();
    }

    public long insertTerm(int startYear, int endYear) {
        return jdbc.sql("INSERT INTO term (code, start_year, end_year) VALUES (:code, :s, :e) RETURNING id")
                .param("code", startYear + "-" + endYear)
                .param("s", startYear)
                .param("e", endYear)
                .query(Long.class)
                .single();
    }

    private static final String TARGET = """
            SELECT t.id, i.code AS indicator, t.unit_id, m.code AS term, t.year, t.value, t.document_id
              FROM target t JOIN indicator i ON i.id = t.indicator_id JOIN term m ON m.id = t.term_id
            """;

    public Optional<Target> target(long indicatorId, long unitId, long termId, @Nullable Integer year) {
        return jdbc.sql(
                        TARGET
                                + " WHERE t.indicator_id = :i AND t.unit_id = :u AND t.term_id = :t AND t.year IS NOT DISTINCT FROM :y")
                .param("i", indicatorId)
                .param("u", unitId)
                .param("t", termId)
                .param("y", year)
                .query(IndicatorStore::target)
                .optional();
    }

    public long insertTarget(
            long indicatorId,
            long unitId,
            long termId,
            @Nullable Integer year,
            BigDecimal value,
            @Nullable Long documentId,
            String actor) {
        return jdbc.sql("""
                        INSERT INTO target (indicator_id, unit_id, term_id, year, value, document_id, created_by)
                        VALUES (:i, :u, :t, :y, :value, :document, :actor) RETURNING id
                        """)
                .param("i", indicatorId)
                .param("u", unitId)
                .param("t", termId)
                .param("y", year)
                .param("value", value)
                .param("document", documentId)
                .param("actor", actor)
                .query(Long.class)
                .single();
    }

    /** The targets a document (a resolution) set, by indicator, unit, term and year. */
    public List<Target> targetsOfDocument(long documentId) {
        return jdbc.sql(TARGET
                        + " WHERE t.document_id = :d ORDER BY i.code, t.unit_id, m.start_year, t.year NULLS FIRST")
                .param("d", documentId)
                .query(IndicatorStore::target)
                .list();
    }

    public List<Target> targets(long indicatorId, long unitId) {
        return jdbc.sql(TARGET
                        + " WHERE t.indicator_id = :i AND t.unit_id = :u ORDER BY m.start_year, t.year NULLS FIRST")
                .param("i", indicatorId)
                .param("u", unitId)
                .query(IndicatorStore::target)
                .list();
    }

    private static Indicator indicator(ResultSet rs, int n) throws SQLException {
        return new Indicator(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                rs.getString("unit_of_measure"),
                rs.getString("direction"),
                PeriodType.of(rs.getString("period_type")),
                Rollup.of(rs.getString("rollup")),
                rs.getString("weight_code"),
                rs.getObject("document_id", Long.class));
    }

    private static Target target(ResultSet rs, int n) throws SQLException {
        return new Target(
                rs.getLong("id"),
                rs.getString("indicator"),
                rs.getLong("unit_id"),
                rs.getString("term"),
                rs.getObject("year", Integer.class),
                rs.getBigDecimal("value"),
                rs.getObject("document_id", Long.class));
    }
}
