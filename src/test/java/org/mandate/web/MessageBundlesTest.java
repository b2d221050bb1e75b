package org.mandate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text has both a Vietnamese and an English version. */
class MessageBundlesTest {
    static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        var vi = load("messages.properties");
        var en = load("messages_en.properties");
        assertThat(vi).isNotEmpty();
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(vi.keySet());
    }
}
