package org.mandate.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelationsTest {
    private static List<Relation> infer(String text) {
        return Relations.infer(text, ReferenceParser.extract(text));
    }

    @Test
    void readsTheVerbBeforeEachReference() {
        assertThat(infer("Để triển khai thực hiện Kết luận số 96-KL/TW ngày 30/9/2024 của Bộ Chính trị về tiếp tục"
                        + " thực hiện Nghị quyết số 45-NQ/TW;\ncăn cứ Nghị quyết số 30-NQ/TW;"))
                .containsExactly(Relation.IMPLEMENTS, Relation.CITES, Relation.CITES);
        assertThat(infer("Bộ Chính trị kết luận: tiếp tục thực hiện Nghị quyết số 45-NQ/TW."))
                .containsExactly(Relation.CONTINUES);
        assertThat(infer("Nghị định này sửa đổi, bổ sung Nghị định số 15/2014/NĐ-CP. Thay thế Quyết định 12/QĐ-UBND."))
                .containsExactly(Relation.AMENDS, Relation.REPLACES);
        assertThat(infer("To implement Resolution No. 7/NQ-CP dated January 10, 2025"))
                .containsExactly(Relation.IMPLEMENTS);
    }

    @Test
    void aReferenceJoinedByAConjunctionTakesTheRelationBeforeIt() {
        assertThat(infer("Thực hiện Kết luận số 1137-KL/TU và Kết luận số 1026-KL/TU."))
                .containsExactly(Relation.IMPLEMENTS, Relation.IMPLEMENTS);
        assertThat(infer(
                        "Thực hiện Kết luận số 1137-KL/TU của Ban Thường vụ, báo cáo gửi theo Công văn số 12/UBND-VP."))
                .containsExactly(Relation.IMPLEMENTS, Relation.CITES);
    }
}
