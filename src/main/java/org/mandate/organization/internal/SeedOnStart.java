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
 * Then the demo bodies of the seed scenario. Turned off with {@code mandate.seed.admin-units=false}
 * and {@code mandate.seed.demo=false}.
 */
@Component
class SeedOnStart implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(SeedOnStart.class);

    private final AdminUnitImport adminUnits;
    private final DemoBodies demoBodies;
    private final boolean enabled;
    private final boolean demo;

    SeedOnStart(
            AdminUnitImport adminUnits,
            DemoBodies demoBodies,
            @Value("${mandate.seed.admin-units:true}") boolean enabled,
            @Value("${mandate.seed.demo:true}") boolean demo) {
        this.adminUnits = adminUnits;
        this.demoBodies = demoBodies;
        this.enabled = enabled;
        this.demo = demo;
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
        if (demo && demoBodies.loadIfAbsent()) {
            log.info("Loaded the demo bodies of the seed scenario");
        }
    }
}
