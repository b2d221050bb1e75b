package org.mandate.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the audit chain.
 *
 * @param brokenAt the sequence number of the first entry that does not fit the chain, or null
 * @param reason why it does not fit
 * @param headHash the hash of the last entry, hex: write it down elsewhere to detect a rewrite of
 *     the whole chain later
 */
public record ChainCheck(
        long entries, @Nullable Long brokenAt, @Nullable String reason, String headHash) {
    public boolean intact() {
        return brokenAt == null;
    }
}
