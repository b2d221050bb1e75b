package org.mandate.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mandate.organization.EventKind;
import org.mandate.organization.internal.AdminUnitFiles.NamedText;
import org.mandate.organization.internal.HistoryPlan.Version;

/** A small made-up reform with every case the real one has. */
class HistoryPlannerTest {
    static final String H = AdminUnitFilesTest.HEADER;
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final LocalDate LATER = LocalDate.of(2026, 7, 25);

    final HistoryPlan plan = new HistoryPlanner((date, level) -> "basis " + date + " " + level)
            .plan(AdminUnitFiles.read(List.of(
                    new NamedText("admin-units-2025-03-01.csv", H + """
                            01,province,province,One,Tỉnh One,,,
                            02,province,province,Two,Tỉnh Two,,,
                            001,district,district,D1,Huyện D1,,,01
                            002,district,district,D2,Huyện D2,,,02
                            00001,commune,commune,C1,Xã C1,,,001
                            00002,commune,commune,C2,Xã C2,,,001
                            00003,commune,commune,C3,Xã C3,,,001
                            00004,commune,commune,Hòa,Xã Hòa,,,002
                            """),
                    new NamedText("admin-units-2025-07-01.csv", H + """
                            01,province,province,One,Tỉnh One,,,
                            00001,commune,commune,A,Xã A,,,01
                            00005,commune,commune,B,Xã B,,,01
                            00004,commune,commune,Hòa,Xã Hòa,,,01
                            """),
                    new NamedText("admin-units-2026-07-25.csv", H + """
                            01,province,province,One,Tỉnh One,,,
                            00001,commune,commune,A,Xã A,,,01
                            00005,commune,ward,B,Phường B,,,01
                            00004,commune,commune,Hoà,Xã Hoà,,,01
                            """),
                    new NamedText("succession-2025-07-01.csv", """
                            effective_date,level,old_code,old_name,new_code,new_name,share
                            2025-07-01,province,01,Tỉnh One,01,Tỉnh One,full
                            2025-07-01,province,02,Tỉnh Two,01,Tỉnh One,full
                            2025-07-01,commune,00001,Xã C1,00001,Xã A,full
                            2025-07-01,commune,00002,Xã C2,00001,Xã A,partial
                            2025-07-01,commune,00002,Xã C2,00005,Xã B,partial
                            2025-07-01,commune,00003,Xã C3,00009,Xã B,full
                            2025-07-01,commune,00004,Xã Hòa,00004,Xã Hòa,full
                            2025-07-01,commune,00077,Xã Gone,00005,Xã B,full
                            """))));

    @Test
    void aCodeIsNotAnIdentity() {
        int c1 = unitWithCode("00001", null);
        int a = unitWithCode("00001", REFORM);
        assertThat(a).isNotEqualTo(c1);
        assertThat(versionsOf(c1)).singleElement().satisfies(v -> {
            assertThat(v.from()).isNull();
            assertThat(v.to()).isEqualTo(REFORM);
        });
    }

    @Test
    void aOneToOneFullSuccessionContinuesTheUnitWithNewVersions() {
        int hoa = unitWithCode("00004", null);
        assertThat(versionsOf(hoa)).extracting(Version::from).containsExactly(null, REFORM, LATER);
        assertThat(eventsOf(hoa)).containsExactlyInAnyOrder(EventKind.TRANSFER, EventKind.RENAME);
    }

    @Test
    void mergesAndSplitsFollowTheRows() {
        int c2 = unitWithCode("00002", null);
        int a = unitWithCode("00001", REFORM);
        int b = unitWithCode("00005", REFORM);
        assertThat(successorsOf(c2)).containsExactlyInAnyOrder(a + ":PARTIAL", b + ":PARTIAL");
        assertThat(eventsOf(a)).contains(EventKind.MERGE);
        assertThat(eventsOf(c2)).contains(EventKind.SPLIT);
        assertThat(eventsOf(b)).contains(EventKind.MERGE, EventKind.CHANGE_KIND, EventKind.RENAME);
    }

    @Test
    void provincesMergedIntoOneOfTheirNamesAreANewUnit() {
        int one = unitWithCode("01", null);
        int merged = unitWithCode("01", REFORM);
        assertThat(merged).isNotEqualTo(one);
        assertThat(successorsOf(unitWithCode("02", null))).containsExactly(merged + ":FULL");
    }

    @Test
    void aDissolvedDistrictPassesToWhereItsCommunesWent() {
        int d1 = unitWithCode("001", null);
        int d2 = unitWithCode("002", null);
        assertThat(eventsOf(d1)).containsExactly(EventKind.DISSOLVE);
        assertThat(successorsOf(d1))
                .containsExactlyInAnyOrder(
                        unitWithCode("00001", REFORM) + ":PARTIAL", unitWithCode("00005", REFORM) + ":PARTIAL");
        assertThat(successorsOf(d2)).containsExactly(unitWithCode("00004", null) + ":FULL");
    }

    @Test
    void flawedRowsAreDecidedAndReported() {
        assertThat(plan.findings())
                .extracting(HistoryPlan.Finding::line, f -> f.decision().substring(0, 20))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(7, "new code 00009 is no"),
                        org.assertj.core.groups.Tuple.tuple(9, "old code 00077 (Xã G"));
        assertThat(successorsOf(unitWithCode("00003", null))).containsExactly(unitWithCode("00005", REFORM) + ":FULL");
    }

    @Test
    void everyPathEndsInItsUnitAndVersionsOfAUnitDoNotOverlap() {
        for (Version v : plan.versions()) {
            assertThat(v.path().getLast()).isEqualTo(v.unit());
            assertThat(Set.copyOf(v.path())).hasSize(v.path().size());
        }
        plan.versions().stream()
                .collect(Collectors.groupingBy(Version::unit))
                .values()
                .forEach(vs -> {
                    for (int i = 1; i < vs.size(); i++) {
                        assertThat(vs.get(i).from()).isEqualTo(vs.get(i - 1).to());
                    }
                });
    }

    private int unitWithCode(String code, LocalDate from) {
        return plan.versions().stream()
                .filter(v -> v.code().equals(code) && java.util.Objects.equals(v.from(), from))
                .findFirst()
                .orElseThrow()
                .unit();
    }

    private List<Version> versionsOf(int unit) {
        return plan.versions().stream().filter(v -> v.unit() == unit).toList();
    }

    private List<EventKind> eventsOf(int unit) {
        return plan.events().stream()
                .filter(e -> e.subject() == unit)
                .map(HistoryPlan.Event::kind)
                .toList();
    }

    private List<String> successorsOf(int unit) {
        return plan.successions().stream()
                .filter(s -> s.predecessor() == unit)
                .map(s -> s.successor() + ":" + s.share())
                .toList();
    }
}
