package org.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

class CommandsTest {
    private static String wrong(String command, String... args) {
        return Commands.wrongBeforeStart(command, Commands.Options.parse(args));
    }

    @Test
    void badValuesAreToldBeforeAnythingStarts() {
        assertThat(wrong("token")).isEqualTo("token needs --user NAME");
        assertThat(wrong("token", "--user", "admin", "--days", "abc")).contains("not 'abc'");
        assertThat(wrong("token", "--user", "admin", "--days", "0")).contains("1 to 366");
        assertThat(wrong("token", "--user", "admin", "--days", "400")).contains("not '400'");
        assertThat(wrong("token", "--user", "admin", "--days", "30")).isNull();
        assertThat(wrong("token", "--user", "admin")).isNull();
        assertThat(wrong("audit")).contains("verify");
        assertThat(wrong("audit", "verify")).isNull();
    }

    @Test
    void feedIsAFlagThatTakesNoValue() {
        var options = Commands.Options.parse(new String[] {"--user", "viewer", "--feed", "--days", "90"});
        assertThat(options.flag("--feed")).isTrue();
        assertThat(options.value("--user")).isEqualTo("viewer");
        assertThat(options.value("--days")).isEqualTo("90");
        assertThat(options.positional()).isEmpty();
        // last on the line too, where a value-taking option would swallow nothing
        assertThat(Commands.Options.parse(new String[] {"--user", "viewer", "--feed"})
                        .flag("--feed"))
                .isTrue();
        assertThat(wrong("token", "--user", "viewer", "--feed", "--days", "400"))
                .contains("not '400'");
        assertThat(wrong("token", "--user", "viewer", "--feed")).isNull();
        assertThat(wrong("token", "--feed")).isEqualTo("token needs --user NAME");
    }

    @Test
    void aFailedStartIsOneLineNamingItsCause() {
        var refused = new IllegalStateException(
                "Unable to obtain connection from database: Connection to localhost:1 refused.\nSQL State  : 08001",
                new ConnectException("Connection refused"));
        var wrapped = new BeanCreationException(
                "users", "Error creating bean", new BeanCreationException("flyway", "x", refused));
        assertThat(Commands.rootMessage(wrapped))
                .isEqualTo("Unable to obtain connection from database: Connection to localhost:1 refused."
                        + " (Connection refused)")
                .doesNotContain("\n");
        assertThat(Commands.rootMessage(new IllegalArgumentException("plain"))).isEqualTo("plain");
    }
}
