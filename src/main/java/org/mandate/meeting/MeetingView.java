package org.mandate.meeting;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A session as its page shows it. */
public record MeetingView(
        long id,
        LocalDate heldOn,
        @Nullable String place,
        String chair,
        long hostUnitId,
        String hostUnitName,
        @Nullable Long withUnitId,
        @Nullable String withUnitName,
        String title,
        @Nullable String attendees,
        List<String> bodies,
        @Nullable String reports,
        @Nullable String drafts,
        @Nullable String proposals,
        @Nullable String conclusions,
        @Nullable Long noticeId,
        @Nullable String noticeSymbol) {}
