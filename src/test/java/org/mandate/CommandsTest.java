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
