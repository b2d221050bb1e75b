package org.mandate.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes recorded one at a time, on a small tree of bodies of its own (so the shared
 * administrative units stay as imported): each test builds its own units under a fresh root.
 */
@MandateIT
class ApparatusChangesIT {
    static final LocalDate D1 = LocalDate.of(2030, 1, 1);
    static final LocalDate D2 = LocalDate.of(2030, 6, 1);
    static final LocalDate D3 = LocalDate.of(2031, 1, 1);

    @Autowired
    ApparatusChanges changes;

    @Autowired
    UnitCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    static int codes;

    static Change on(LocalDate date) {
        return new Change(date, "01/2030/QĐ-TEST", ChangeGuard.SYSTEM + "test", null);
    }

    long body(String name, String level, Long parent) {
        String code = "T" + (++codes);
        return changes.establish(
                new NewUnit(Hierarchy.BODY, code, name, name, null, level, "party_committee", parent, null), on(D1));
    }

    @Test
    void aRenameIsANewVersionAndTheOldNameStaysReadable() {
        long root = body("Tỉnh ủy Thử", "province", null);
        changes.rename(root, "Tỉnh ủy Mới", "Tỉnh ủy Mới", null, on(D2));
        assertThat(catalog.asOf(root, D1).name()).isEqualTo("Tỉnh ủy Thử");
        assertThat(catalog.asOf(root, D3).name()).isEqualTo("Tỉnh ủy Mới");
        assertThat(catalog.history(root).events())
                .extracting(RegistryEvent::kind)
                .containsExactly(EventKind.ESTABLISH, EventKind.RENAME);
        assertThat(audited(root)).isEqualTo(2);
    }

    @Test
    void theNameKeysFollowRenamesAndEditsOfVersions() {
        long unit = body("Tỉnh ủy Khóa Tìm Kiếm", "province", null);
        changes.rename(unit, "Tỉnh ủy Đổi Tên Rồi", "Tỉnh ủy Đổi Tên Rồi", null, on(D2));
        assertThat(names("khoa tim", D1)).containsExactly("Tỉnh ủy Khóa Tìm Kiếm");
        assertThat(names("doi ten", D3)).containsExactly("Tỉnh ủy Đổi Tên Rồi");
        assertThat(names("oa tim", D1)).as("not in the middle of a word").isEmpty();
        jdbc.sql(
                        "UPDATE org_unit_version SET name = 'Tỉnh ủy Sửa Tay', full_name = 'Tỉnh ủy Sửa Tay' WHERE unit_id = :u AND valid @> :d::date")
                .param("u", unit)
                .param("d", D3)
                .update();
        assertThat(names("sua tay", D3)).containsExactly("Tỉnh ủy Sửa Tay");
        assertThat(names("doi ten", D3)).isEmpty();
        // the kept keys are exactly those computed from the versions as they are now
        String differences = """
                SELECT count(*) FROM (
                  (SELECT k COLLATE "C", v.id FROM org_unit_version v, name_keys(v.search_text) k WHERE v.unit_id = :u
                   EXCEPT SELECT key, version_id FROM org_unit_name_key)
                  UNION ALL
                  (SELECT key, version_id FROM org_unit_name_key
                    WHERE version_id IN (SELECT id FROM org_unit_version WHERE unit_id = :u)
                   EXCEPT SELECT k COLLATE "C", v.id FROM org_unit_version v, name_keys(v.search_text) k WHERE v.unit_id = :u)) d
                """;
        assertThat(jdbc.sql(differences).param("u", unit).query(Long.class).single())
                .isZero();
    }

    private List<String> names(String text, LocalDate date) {
        return catalog.find(new UnitQuery(date, Hierarchy.BODY, null, null, text, 0, 10)).items().stream()
                .map(UnitVersion::name)
                .toList();
    }

    @Test
    void aTransferMovesTheWholeSubtreeFromItsDate() {
        long a = body("Tỉnh ủy A", "province", null);
        long b = body("Tỉnh ủy B", "province", null);
        long district = body("Huyện ủy", "district", a);
        long cell = body("Đảng bộ xã", "commune", district);
        changes.transfer(district, b, on(D2));
        assertThat(catalog.lineOfAncestors(cell, D1))
                .extracting(UnitVersion::id)
                .containsExactly(a, district, cell);
        assertThat(catalog.lineOfAncestors(cell, D3))
                .extracting(UnitVersion::id)
                .containsExactly(b, district, cell);
        assertThat(catalog.asOf(district, D3).parentId()).isEqualTo(b);
    }

    @Test
    void aUnitCannotBeMovedUnderItsOwnDescendant() {
        long a = body("Tỉnh ủy C", "province", null);
        long district = body("Huyện ủy C", "district", a);
        long commune = body("Đảng ủy C", "commune", district);
        assertThatThrownBy(() -> changes.transfer(district, commune, on(D2)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("its own ancestor");
        assertThat(catalog.asOf(district, D3).parentId()).isEqualTo(a);
    }

    @Test
    void mergingIntoADissolvedUnitIsRefusedAndNothingIsHalfApplied() {
        long root = body("Tỉnh ủy D", "province", null);
        long x = body("Huyện ủy X", "district", root);
        long y = body("Huyện ủy Y", "district", root);
        long gone = body("Huyện ủy Z", "district", root);
        changes.dissolve(gone, on(D2));
        long events = count("org_event");
        assertThatThrownBy(() -> changes.merge(List.of(x, y), gone, null, on(D3)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("dissolved");
        assertThat(count("org_event")).isEqualTo(events);
        assertThat(catalog.asOf(x, D3).validTo()).isNull();
    }

    @Test
    void aMergeMovesChildrenAndRecordsTheSuccession() {
        long root = body("Tỉnh ủy E", "province", null);
        long x = body("Huyện ủy EX", "district", root);
        long y = body("Huyện ủy EY", "district", root);
        long child = body("Đảng ủy EY1", "commune", y);
        changes.merge(List.of(y), x, null, on(D2));
        assertThat(catalog.asOf(child, D3).parentId()).isEqualTo(x);
        var history = catalog.history(y);
        assertThat(history.latest().validTo()).isEqualTo(D2.minusDays(1));
        assertThat(history.successors())
                .extracting(SuccessionLink::unitId, SuccessionLink::share)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(x, Share.FULL));
    }

    @Test
    void aSplitWithWeightsEndsTheUnitAndWeightsMustNotExceedTheWhole() {
        long root = body("Tỉnh ủy F", "province", null);
        long whole = body("Huyện ủy F", "district", root);
        var tooMuch = List.of(
                new SplitPart(null, part("F1", root), new BigDecimal("0.7")),
                new SplitPart(null, part("F2", root), new BigDecimal("0.4")));
        assertThatThrownBy(() -> changes.split(whole, tooMuch, false, on(D2)))
                .isInstanceOfSatisfying(
                        InputProblem.class, p -> assertThat(p.field()).isEqualTo("parts"));
        var ids = changes.split(
                whole,
                List.of(
                        new SplitPart(null, part("F1", root), new BigDecimal("0.6")),
                        new SplitPart(null, part("F2", root), new BigDecimal("0.4"))),
                false,
                on(D2));
        assertThat(catalog.history(whole).successors())
                .extracting(SuccessionLink::unitId)
                .containsExactlyElementsOf(ids);
        assertThat(catalog.history(whole).successors())
                .extracting(SuccessionLink::weight)
                .containsExactly(new BigDecimal("0.6"), new BigDecimal("0.4"));
    }

    @Test
    void changesOutOfDateOrderAndOverlappingValidityAreRefused() {
        long root = body("Tỉnh ủy G", "province", null);
        changes.rename(root, "Tỉnh ủy G2", "Tỉnh ủy G2", null, on(D3));
        assertThatThrownBy(() -> changes.rename(root, "Tỉnh ủy G1", "Tỉnh ủy G1", null, on(D2)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("date order");
        // the database itself forbids two versions of one unit overlapping
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO org_unit_version (unit_id, valid, code, name, full_name, level, kind, path)
                        VALUES (:id, daterange('2030-03-01', NULL), 'X', 'X', 'X', 'province', 'k', :id::text::ltree)
                        """).param("id", root).update()).hasMessageContaining("version_no_overlap");
    }

    private NewUnit part(String name, long parent) {
        return new NewUnit(
                Hierarchy.BODY, "T" + (++codes), name, name, null, "district", "party_committee", parent, null);
    }

    private long audited(long unit) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'org_unit' AND entity_id = :id")
                .param("id", unit)
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
