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
 * The demo sign-ins: {@code admin} (administrator, the whole country; must choose a new
 * password at the first sign-in), {@code quangninh} (office of a province), {@code haiphong}
 * (office of a centrally-run city) and {@code mongcai1} (reporter of a ward). No password is in the repository: the first start makes a random one, keeps it
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
        // the administrator must choose a password at the first sign-in, unless the password
        // was set by configuration (tests and scripted demos)
        boolean forceChange = configuredPassword == null;
        if (!users.exists("admin")) {
            users.add("admin", encoder.encode(password), "Quản trị hệ thống", forceChange);
            users.grant("admin", Role.ADMIN, null, "system:demo");
            demoUser("quangninh", "Văn phòng Tỉnh ủy Quảng Ninh", Role.OFFICE, "province", "Quảng Ninh", password);
            demoUser("haiphong", "Văn phòng Thành ủy Hải Phòng", Role.OFFICE, "province", "Hải Phòng", password);
            demoUser("mongcai1", "Phường Móng Cái 1 (báo cáo)", Role.REPORTER, "commune", "Móng Cái 1", password);
        } else if (configuredPassword != null) {
            for (String name : DEMO) {
                if (users.exists(name)) {
                    users.setPassword(name, encoder.encode(password), false);
                }
            }
        }
        if (!users.exists("lanhdaoqn")) {
            // added after the first demo users: data folders made before it get it too
            demoUser("lanhdaoqn", "Lãnh đạo Tỉnh ủy Quảng Ninh", Role.LEADER, "province", "Quảng Ninh", password);
        }
        boolean mustChange =
                users.find("admin").map(Users.AppUser::mustChangePassword).orElse(false);
        String banner = """

                ============================================================
                  Mandate is ready at %s
                  Sign in as  admin      / %s   (administrator, whole country%s)
                          or  quangninh  / %s   (office, Quảng Ninh province)
                          or  haiphong   / %s   (office, Hải Phòng city)
                          or  mongcai1   / %s   (reporter, Móng Cái 1 ward)
                          or  lanhdaoqn  / %s   (leader, Quảng Ninh: approves extensions)
                  The registry is public; everything else needs a sign-in.
                  API tokens: ./mandate token --user NAME; API: %s/swagger-ui.html
                ============================================================
                """.formatted(
                        address,
                        password,
                        mustChange ? "; asks for a new password" : "",
                        password,
                        password,
                        password,
                        password,
                        address);
        System.out.println(banner);
    }

    private static final String[] DEMO = {"admin", "quangninh", "haiphong", "mongcai1", "lanhdaoqn"};

    private void demoUser(String name, String displayName, Role role, String level, String unitName, String password) {
        Long unit =
                catalog
                        .find(new UnitQuery(LocalDate.now(), Hierarchy.LOCALITY, level, null, unitName, 0, 5))
                        .items()
                        .stream()
                        .filter(v -> v.name().equals(unitName))
                        .findFirst()
                        .map(v -> v.id())
                        .orElse(null);
        if (unit == null) {
            log.warn("Demo user {} not created: no {} named {} in the registry", name, level, unitName);
            return;
        }
        users.add(name, encoder.encode(password), displayName, false);
        users.grant(name, role, unit, "system:demo");
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
