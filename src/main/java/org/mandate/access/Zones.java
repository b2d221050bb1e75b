package org.mandate.access;

import java.time.ZoneId;

/** Scope is decided as of the day in Vietnam, where the offices are. */
final class Zones {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Zones() {}
}
