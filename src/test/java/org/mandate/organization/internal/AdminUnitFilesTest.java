package org.mandate.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.organization.internal.AdminUnitFiles.NamedText;
import org.mandate.shared.InputProblem;

class AdminUnitFilesTest {
    static final String HEADER = "code,level,kind,name,full_name,name_en,full_name_en,parent_code\n";

    private static InputProblem problem(NamedText... files) {
        try {
            AdminUnitFiles.read(List.of(files));
        } catch (InputProblem p) {
            return p;
        }
        throw new AssertionError("expected the files to be refused");
    }

    @Test
    void anUnknownParentCodeNamesFileLineAndField() {
        var p = problem(
                new NamedText(
                        "admin-units-2025-03-01.csv",
                        HEADER
                                + "22,province,province,Quảng Ninh,Tỉnh Quảng Ninh,,,\n194,district,provincial_city,Móng Cái,Thành phố Móng Cái,,,99\n"));
        assertThat(p.file()).isEqualTo("admin-units-2025-03-01.csv");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.field()).isEqualTo("parent_code");
        assertThat(p.reason()).contains("unknown parent code 99");
    }

    @Test
    void aDateInTheWrongFormatIsRefused() {
        var p = problem(
                new NamedText("admin-units-2025-03-01.csv", HEADER + "22,province,province,QN,Tỉnh QN,,,\n"),
                new NamedText("admin-units-2025-07-01.csv", HEADER + "22,province,province,QN,Tỉnh QN,,,\n"),
                new NamedText(
                        "succession-2025-07-01.csv",
                        "effective_date,level,old_code,old_name,new_code,new_name,share\n01/07/2025,province,22,QN,22,QN,full\n"));
        assertThat(p.field()).isEqualTo("effective_date");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.reason()).contains("YYYY-MM-DD");
    }

    @Test
    void aSnapshotNameWithoutADateIsRefused() {
        var p = problem(new NamedText("admin-units-march.csv", HEADER));
        assertThat(p.field()).isEqualTo("file name");
    }

    @Test
    void anUnknownKindAndADuplicateCodeAreRefused() {
        assertThat(problem(new NamedText("admin-units-2025-03-01.csv", HEADER + "22,province,kingdom,QN,QN,,,\n"))
                        .field())
                .isEqualTo("kind");
        assertThat(problem(new NamedText(
                                "admin-units-2025-03-01.csv",
                                HEADER + "22,province,province,QN,QN,,,\n22,province,province,QN,QN,,,\n"))
                        .reason())
                .contains("already used on line 2");
    }

    @Test
    void readsTheBundledFiles() {
        var bundle = AdminUnitFiles.read(BundledFiles.all());
        assertThat(bundle.snapshots()).extracting(s -> s.rows().size()).containsExactly(10794, 3355, 3355);
        assertThat(bundle.successions()).hasSize(10667);
    }
}
