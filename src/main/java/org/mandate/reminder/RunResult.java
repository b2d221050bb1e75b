package org.mandate.reminder;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What one run did.
 *
 * @param day the day the tasks were read as of (null for a run of retries only)
 * @param ran false when another node's run held the lock, and this one did nothing
 * @param digests digests newly recorded for the day
 * @param escalations escalations newly recorded for the day
 * @param sent mails the SMTP server took in this run (new ones and retries)
 * @param failed mails that failed in this run, to be tried again later
 */
public record RunResult(@Nullable LocalDate day, boolean ran, int digests, int escalations, int sent, int failed) {}
