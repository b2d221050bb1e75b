package org.mandate.organization.internal;

import org.mandate.organization.AdminUnitImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads the real administrative units on the first start; later starts find the same files
 * imported and skip in milliseconds. It runs once all beans (Flyway's migration among them) are
 * ready but before the web server opens, so the health check turns UP only on a loaded registry.
 * Turned off with {@code mandate.seed.admin-units=false}.
 */
@Component
class SeedOnStart implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(SeedOnStart.class);

    private final AdminUnitImport adminUnits;
    private final boolean enabled;

    SeedOnStart(AdminUnitImport adminUnits, @Value("${mandate.seed.admin-units:true}") boolean enabled) {
        this.adminUnits = adminUnits;
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        var report = adminUnits.importBundled();
        if (!report.unchanged()) {
            report.findings()
                    .forEach(f -> log.warn(
                            "Import finding: {} line {}: {} {}: {}",
                            f.file(),
                            f.line(),
                            f.code(),
                            f.unit(),
                            f.decision()));
        }
    }
}
