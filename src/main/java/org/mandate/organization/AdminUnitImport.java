package org.mandate.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.mandate.organization.internal.AdminUnitFiles;
import org.mandate.organization.internal.AdminUnitFiles.NamedText;
import org.mandate.organization.internal.HistoryPlan;
import org.mandate.organization.internal.HistoryPlanner;
import org.mandate.organization.internal.ImportRuns;
import org.mandate.organization.internal.RegistryWriter;
import org.mandate.shared.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the administrative units of Vietnam (snapshots and successions) into the locality
 * hierarchy, as one transaction. The same files a second time change nothing; other files on top
 * of an imported registry are refused, since the import builds the history from its beginning.
 */
@Service
public class AdminUnitImport {
    static final String SOURCE = "admin-units";
    private static final Logger log = LoggerFactory.getLogger(AdminUnitImport.class);

    private final RegistryWriter writer;
    private final ImportRuns runs;
    private final HistoryPlanner planner;

    AdminUnitImport(RegistryWriter writer, ImportRuns runs) {
        this.writer = writer;
        this.runs = runs;
        this.planner = new HistoryPlanner(ImportRuns.bundledLegalBasis());
    }

    /** The files shipped with Mandate (src/main/resources/admin-units, copied from the shared data). */
    @Transactional
    public ImportReport importBundled() {
        return importFiles(bundledFiles());
    }

    /** @param files name and UTF-8 text of each file */
    @Transactional
    public ImportReport importFiles(Map<String, String> files) {
        List<NamedText> named = new ArrayList<>();
        files.forEach((name, text) -> named.add(new NamedText(name, text)));
        named.sort(Comparator.comparing(NamedText::name));
        String checksum = checksum(named);
        var earlier = runs.find(SOURCE);
        // the same files as before: nothing to read, a restart stays fast
        if (earlier.isPresent() && earlier.get().checksum().equals(checksum)) {
            return runs.report(earlier.get().id(), true);
        }
        // bad files are refused for what is wrong with them (400) before any conflict (409)
        var bundle = AdminUnitFiles.read(named);
        if (earlier.isPresent()) {
            throw new Conflict("The registry already holds administrative units from import run "
                    + earlier.get().id() + " (" + earlier.get().files()
                    + "); a different set of files cannot be laid over it, since an import builds the whole history");
        }
        HistoryPlan plan = planner.plan(bundle);
        writer.write(plan, Hierarchy.LOCALITY);
        long runId = runs.record(
                SOURCE, checksum, named.stream().map(NamedText::name).toList(), plan);
        log.info(
                "Imported {} administrative units ({} versions, {} events, {} successions); {} findings",
                plan.unitCount(),
                plan.versions().size(),
                plan.events().size(),
                plan.successions().size(),
                plan.findings().size());
        return runs.report(runId, false);
    }

    /** The report of the import that built the registry, if there was one. */
    @Transactional(readOnly = true)
    public java.util.Optional<ImportReport> lastReport() {
        return runs.latest(SOURCE).map(id -> runs.report(id, true));
    }

    static Map<String, String> bundledFiles() {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath:admin-units/*.csv");
            Map<String, String> files = new java.util.TreeMap<>();
            for (Resource resource : resources) {
                try (var in = resource.getInputStream()) {
                    files.put(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled administrative-unit files", e);
        }
    }

    private static String checksum(List<NamedText> files) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (NamedText file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
