package org.mandate.meeting;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Concluding a session: the notice of conclusions (its number, date, signer; the text is the
 * session's concluding remarks) and the tasks it assigns.
 */
public record Conclusion(
        String noticeSymbol, LocalDate noticeDate, @Nullable String signer, List<ConcludedTask> tasks) {

    public record ConcludedTask(
            String title,
            long leadUnitId,
            List<Long> coordinatorIds,
            @Nullable String responsible,
            @Nullable LocalDate deadline) {}
}
