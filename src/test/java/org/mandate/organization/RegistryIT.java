package org.mandate.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry loaded from the real data, read as of several dates. */
@MandateIT
class RegistryIT {
    static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);
    static final LocalDate OCT_2024 = LocalDate.of(2024, 10, 9);
    static final LocalDate AUG_2025 = LocalDate.of(2025, 8, 1);

    @Autowired
    UnitCatalog catalog;

    @Autowired
    AdminUnitImport adminUnits;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsByLevelBeforeAndAfterTheReform() {
        assertThat(catalog.countsByLevel(Hierarchy.LOCALITY, null, MARCH_2025))
                .containsExactly(
                        new LevelCount("province", 63),
                        new LevelCount("district", 696),
                        new LevelCount("commune", 10035));
        assertThat(catalog.countsByLevel(Hierarchy.LOCALITY, null, AUG_2025))
                .containsExactly(new LevelCount("province", 34), new LevelCount("commune", 3321));
    }

    @Test
    void countsBelowAUnitMatchTheTreeOfThatDate() {
        // Móng Cái city, Quảng Ninh: 16 communes and wards in the 1 March 2025 list
        assertThat(catalog.countsByLevel(Hierarchy.LOCALITY, "194", OCT_2024))
                .containsExactly(new LevelCount("commune", 16));
        var below = catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, "commune", "194", null, 0, 50));
        assertThat(below.total()).isEqualTo(16);
        assertThat(below.items()).extracting(UnitVersion::name).contains("Ka Long", "Hải Hoà", "Vĩnh Thực");
    }

    @Test
    void theCountsKeptAsDeltasAgreeWithCountingTheVersions() {
        for (LocalDate date : List.of(MARCH_2025, LocalDate.of(2025, 6, 30), AUG_2025, LocalDate.of(2026, 8, 1))) {
            var counted = jdbc.sql("""
                            SELECT v.level, count(*) AS count FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                             WHERE u.hierarchy = 'locality' AND v.valid @> :d GROUP BY v.level
                            """).param("d", date).query(LevelCount.class).list();
            assertThat(catalog.countsByLevel(Hierarchy.LOCALITY, null, date))
                    .containsExactlyInAnyOrderElementsOf(counted);
        }
    }

    @Test
    void searchIgnoresToneMarksAndCaseAndToleratesTypos() {
        var plain = catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, null, null, "mong cai", 0, 5));
        assertThat(plain.items().getFirst().fullName()).isEqualTo("Thành phố Móng Cái");
        var typo = catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, null, null, "mong kai", 0, 5));
        assertThat(typo.items().getFirst().name()).isEqualTo("Móng Cái");
        var oneTypoInAProvince =
                catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, "province", null, "quang nimh", 0, 5));
        assertThat(oneTypoInAProvince.items()).extracting(UnitVersion::name).containsExactly("Quảng Ninh");
        var runTogether = catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, "district", null, "mongcai", 0, 5));
        assertThat(runTogether.items()).extracting(UnitVersion::name).containsExactly("Móng Cái");
        var nothingLikeIt = catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, null, null, "xqzvw", 0, 5));
        assertThat(nothingLikeIt.total()).isZero();
        var dStroke = catalog.find(new UnitQuery(AUG_2025, Hierarchy.LOCALITY, "province", null, "dong nai", 0, 5));
        assertThat(dStroke.items().getFirst().name()).isEqualTo("Đồng Nai");
        var today = catalog.find(new UnitQuery(AUG_2025, Hierarchy.LOCALITY, null, null, "Móng Cái", 0, 5));
        assertThat(today.items()).extracting(UnitVersion::name).startsWith("Móng Cái 1", "Móng Cái 2", "Móng Cái 3");
        var afterAHyphen =
                catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, "district", null, "thap cham", 0, 5));
        assertThat(afterAHyphen.items()).extracting(UnitVersion::name).containsExactly("Phan Rang-Tháp Chàm");
        // at the start of words only: "an" is An Giang and Nghệ An, not Quảng Nam or Tây Ninh
        var wordStart = catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, "province", null, "an", 0, 70));
        assertThat(wordStart.items())
                .extracting(UnitVersion::name)
                .contains("An Giang", "Nghệ An")
                .doesNotContain("Quảng Nam", "Tây Ninh");
        var byCode = catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, "province", null, "22", 0, 5));
        assertThat(byCode.items()).extracting(UnitVersion::name).containsExactly("Quảng Ninh");
    }

    @Test
    void mongCaiCityWentIntoWardsMongCai123AndOthers() {
        long city = catalog.find(new UnitQuery(OCT_2024, Hierarchy.LOCALITY, "district", null, "Móng Cái", 0, 1))
                .items()
                .getFirst()
                .id();
        var history = catalog.history(city);
        assertThat(history.latest().validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(history.successors())
                .extracting(SuccessionLink::name)
                .contains("Móng Cái 1", "Móng Cái 2", "Móng Cái 3");
        assertThat(history.events()).extracting(RegistryEvent::kind).contains(EventKind.DISSOLVE);

        var went = catalog.whereItWent(city);
        assertThat(went.ends()).extracting(UnitVersion::name).contains("Móng Cái 1", "Móng Cái 2", "Móng Cái 3");
        long ward1 = went.ends().stream()
                .filter(v -> v.name().equals("Móng Cái 1"))
                .findFirst()
                .orElseThrow()
                .id();
        var came = catalog.whereItCameFrom(ward1);
        assertThat(came.ends()).extracting(UnitVersion::name).contains("Trần Phú", "Trà Cổ");
    }

    @Test
    void theSpellingChangesOf2026AreRenamesWithTheirDates() {
        var hoa = catalog.find(new UnitQuery(AUG_2025, Hierarchy.LOCALITY, "commune", "22", "Hải Hòa", 0, 5));
        assertThat(hoa.items()).isNotEmpty();
        var history = catalog.history(hoa.items().getFirst().id());
        assertThat(history.versions()).extracting(UnitVersion::name).contains("Hải Hòa", "Hải Hoà");
        assertThat(history.events()).extracting(RegistryEvent::kind).contains(EventKind.RENAME);
    }

    @Test
    void theDemoBodiesOfTheSeedScenarioStandWhereTheyBelong() {
        var found = catalog.find(new UnitQuery(OCT_2024, Hierarchy.BODY, null, null, "Thành ủy Móng Cái", 0, 5));
        UnitVersion cityCommittee = found.items().getFirst();
        assertThat(cityCommittee.name()).isEqualTo("Thành ủy Móng Cái");
        assertThat(cityCommittee.parentName()).isEqualTo("Tỉnh ủy Quảng Ninh");
        assertThat(cityCommittee.localityName()).isEqualTo("Móng Cái");
        var below = catalog.find(new UnitQuery(OCT_2024, Hierarchy.BODY, null, cityCommittee.code(), null, 0, 5));
        assertThat(below.items()).extracting(UnitVersion::name).containsExactly("Ban Thường vụ Thành ủy Móng Cái");
        var history = catalog.history(cityCommittee.id());
        assertThat(history.latest().validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(history.successors())
                .extracting(SuccessionLink::name)
                .containsExactlyInAnyOrder(
                        "Đảng ủy phường Móng Cái 1", "Đảng ủy phường Móng Cái 2", "Đảng ủy phường Móng Cái 3");
        assertThat(catalog.find(new UnitQuery(AUG_2025, Hierarchy.BODY, null, null, "tinh uy", 0, 10))
                        .items())
                .extracting(UnitVersion::name)
                .contains("Tỉnh ủy Quảng Ninh", "Tỉnh ủy Lào Cai", "Tỉnh ủy Lạng Sơn");
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() {
        long versions = count("org_unit_version");
        long events = count("org_event");
        var again = adminUnits.importBundled();
        assertThat(again.unchanged()).isTrue();
        assertThat(again.findings()).hasSize(23);
        assertThat(count("org_unit_version")).isEqualTo(versions);
        assertThat(count("org_event")).isEqualTo(events);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
