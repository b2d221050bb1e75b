package org.mandate.meeting;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A working session: held by {@code hostUnitId} (the body whose leaders chair it) with
 * {@code withUnitId} (the unit worked with); {@code bodyIds} are the attending bodies and
 * {@code attendees} the people, as written.
 */
public record NewMeeting(
        LocalDate heldOn,
        @Nullable String place,
        String chair,
        long hostUnitId,
        @Nullable Long withUnitId,
        String title,
        @Nullable String attendees,
        List<Long> bodyIds,
        @Nullable String reports,
        @Nullable String drafts,
        @Nullable String proposals,
        @Nullable String conclusions) {}
