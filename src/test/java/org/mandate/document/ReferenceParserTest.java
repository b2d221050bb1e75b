package org.mandate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceParserTest {

    private static List<Reference> refs(String text) {
        return ReferenceParser.extract(text);
    }

    @Test
    void readsPartyAndStateStyles() {
        var found = refs("Kết luận số 1026-KL/TU, Nghị quyết 7/NQ-CP, Nghị quyết số 35/2021/QH15, Nghị định "
                + "09/2019/NĐ-CP, Thông tư liên tịch 183/2010/TTLT/BTC-BNN và Quyết định 1207/QĐ-UBND.");
        assertThat(found)
                .extracting(Reference::raw, Reference::number, Reference::year, Reference::type, Reference::issuer)
                .containsExactly(
                        tuple("1026-KL/TU", "1026", null, "KL", "TU"),
                        tuple("7/NQ-CP", "7", null, "NQ", "CP"),
                        tuple("35/2021/QH15", "35", 2021, "NQ", "QH15"),
                        tuple("09/2019/NĐ-CP", "09", 2019, "NĐ", "CP"),
                        tuple("183/2010/TTLT/BTC-BNN", "183", 2010, "TTLT", "BTC-BNN"),
                        tuple("1207/QĐ-UBND", "1207", null, "QĐ", "UBND"));
        assertThat(found)
                .extracting(Reference::symbol)
                .containsExactly(
                        "1026-KL/TU",
                        "7/NQ-CP",
                        "35/2021/QH15",
                        "09/2019/NĐ-CP",
                        "183/2010/TTLT/BTC-BNN",
                        "1207/QĐ-UBND");
    }

    @Test
    void offsetsPointAtTheRawText() {
        String text = "Theo Kết luận số 96-KL/TW ngày 30/9/2024 của Bộ Chính trị";
        var ref = refs(text).getFirst();
        assertThat(text.substring(ref.start(), ref.end())).isEqualTo("96-KL/TW").isEqualTo(ref.raw());
        assertThat(ref.date()).isEqualTo(LocalDate.of(2024, 9, 30));
    }

    @Test
    void toleratesTheSpellingsOfRealText() {
        var found = refs("Nghị quyết 06 - NQ / TU; nghị định 09/2019/nd-cp; quyết định 12/QD-TTg; "
                + "Kết luận 1137–KL/TU; Nghị quyết số7/NQ-CPngày 10/1/2025");
        assertThat(found)
                .extracting(Reference::raw, Reference::type, Reference::issuer)
                .containsExactly(
                        tuple("06 - NQ / TU", "NQ", "TU"),
                        tuple("09/2019/nd-cp", "NĐ", "CP"),
                        tuple("12/QD-TTg", "QĐ", "TTG"),
                        tuple("1137–KL/TU", "KL", "TU"),
                        tuple("7/NQ-CP", "NQ", "CP"));
        assertThat(found.getLast().date()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(found.getFirst().key()).isEqualTo(refs("6-NQ/TU").getFirst().key());
    }

    @Test
    void readsDatesInThreeForms() {
        var found = refs("Conclusion No. 1026-KL/TU dated July 11, 2023; Kết luận 1137-KL/TU ngày 17 tháng 5 năm "
                + "2024; Chỉ thị 35-CT/TW ngày 14/6/2024; Plan 439-KH/TU of the Standing Committee.");
        assertThat(found)
                .extracting(Reference::date)
                .containsExactly(LocalDate.of(2023, 7, 11), LocalDate.of(2024, 5, 17), LocalDate.of(2024, 6, 14), null);
    }

    @Test
    void splitsListsThatShareOneSymbol() {
        var found = refs("Resolutions No. 01/NQ-CP and 02/NQ-CP; Nghị định số 01, 02 và 03/2020/NĐ-CP.");
        assertThat(found)
                .extracting(Reference::raw, Reference::number, Reference::year, Reference::type)
                .containsExactly(
                        tuple("01/NQ-CP", "01", null, "NQ"),
                        tuple("02/NQ-CP", "02", null, "NQ"),
                        tuple("01", "01", 2020, "NĐ"),
                        tuple("02", "02", 2020, "NĐ"),
                        tuple("03/2020/NĐ-CP", "03", 2020, "NĐ"));
    }

    @Test
    void ignoresDatesTimesAndFigures() {
        assertThat(refs("Ngày 11/7/2023, lúc 14h30, tăng 6,95%/năm, thu 2.680 tỷ đồng, 50/ha, Điều 5, khoản 2, "
                        + "hotline 0203/3881234, tỷ lệ 3/4, COVID-19, năm 2021-2025, 1/2 số xã"))
                .isEmpty();
    }
}
