package org.mandate.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.UnitCatalog;
import org.mandate.organization.UnitQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo sign-ins: {@code admin} (the whole country) and {@code quangninh} (an editor scoped to
 * Quảng Ninh). No password is in the repository: the first start makes a random one, keeps it
 * in the data folder (readable by its owner only) and prints it with the address at each start.
 * {@code mandate.demo-password} sets it instead (the test suite does).
 */
@Component
class DemoUsers {
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final Users users;
    private final UnitCatalog catalog;
    private final PasswordEncoder encoder;
    private final Path dataDir;
    private final @Nullable String configuredPassword;
    private final boolean enabled;

    DemoUsers(
            Users users,
            UnitCatalog catalog,
            PasswordEncoder encoder,
            @Value("${mandate.data-dir:data}") Path dataDir,
            @Value("${mandate.demo-password:#{null}}") @Nullable String configuredPassword,
            @Value("${mandate.seed.demo:true}") boolean enabled) {
        this.users = users;
        this.catalog = catalog;
        this.encoder = encoder;
        this.dataDir = dataDir;
        this.configuredPassword = configuredPassword;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void greet(ApplicationReadyEvent ready) {
        Environment env = ready.getApplicationContext().getEnvironment();
        String address = "http://localhost:" + env.getProperty("local.server.port", "8080");
        if (!enabled) {
            log.info("Mandate is ready at {}", address);
            return;
        }
        String password = password();
        if (!users.exists("admin")) {
            users.add("admin", encoder.encode(password), "Quản trị hệ thống", "admin", null);
            Long quangNinh = catalog
                    .find(new UnitQuery(LocalDate.now(), Hierarchy.LOCALITY, "province", null, "Quảng Ninh", 0, 1))
                    .items()
                    .stream()
                    .findFirst()
                    .map(v -> v.id())
                    .orElse(null);
            users.add("quangninh", encoder.encode(password), "Văn phòng Tỉnh ủy Quảng Ninh", "editor", quangNinh);
        } else if (configuredPassword != null) {
            users.setPassword("admin", encoder.encode(password));
            users.setPassword("quangninh", encoder.encode(password));
        }
        String banner = """

                ============================================================
                  Mandate is ready at %s
                  Sign in as  admin      / %s   (whole country)
                          or  quangninh  / %s   (editor, Quảng Ninh)
                  Reading needs no sign-in; changes do. API: %s/swagger-ui.html
                ============================================================
                """.formatted(address, password, password, address);
        System.out.println(banner);
    }

    private String password() {
        if (configuredPassword != null) {
            return configuredPassword;
        }
        Path file = dataDir.resolve("demo-password.txt");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Files.writeString(file, password + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo password in " + file, e);
        }
    }
}
