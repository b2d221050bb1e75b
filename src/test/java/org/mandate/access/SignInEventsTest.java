package org.mandate.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInEventsTest {
    @Test
    void aNameThatCouldBeAUserIsKeptAsTyped() {
        assertThat(SignInEvents.attempted("quangninh")).isEqualTo("quangninh");
        assertThat(SignInEvents.attempted("nguyễn.văn-a@ubnd")).isEqualTo("nguyễn.văn-a@ubnd");
    }

    @Test
    void markupAndControlCharactersAreReplaced() {
        assertThat(SignInEvents.attempted("<b>x</b>\n")).isEqualTo("?b?x??b??");
    }

    @Test
    void aVeryLongNameIsCutWithItsLengthSaid() {
        String typed = "a".repeat(1_000_000);
        String kept = SignInEvents.attempted(typed);
        assertThat(kept)
                .startsWith("a".repeat(SignInEvents.MAX_ATTEMPTED) + "…")
                .endsWith("(1000000 chars)");
        assertThat(kept.length()).isLessThan(SignInEvents.MAX_ATTEMPTED + 20);
        // exactly at the limit: kept whole
        assertThat(SignInEvents.attempted("b".repeat(SignInEvents.MAX_ATTEMPTED)))
                .isEqualTo("b".repeat(SignInEvents.MAX_ATTEMPTED));
        // a character outside the basic plane is not split
        String emoji = "😀".repeat(SignInEvents.MAX_ATTEMPTED + 5);
        assertThat(SignInEvents.attempted(emoji)).startsWith("?".repeat(SignInEvents.MAX_ATTEMPTED) + "…");
    }
}
