package org.mandate.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.document.Documents;
import org.mandate.indicator.internal.IndicatorStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a document (a resolution) did to the indicators: those it defines ({@code
 * indicator.document_id}) and the targets it set ({@code target.document_id}), each with its
 * current status as {@link Achievements} assesses it as it was. Only the targets of units the
 * reader may read are shown; the catalogue is read by everyone signed in.
 */
@Service
public class DocumentIndicators {
    private final IndicatorCatalogue catalogue;
    private final Achievements achievements;
    private final IndicatorStore store;
    private final Scopes scopes;
    private final Documents documents;

    DocumentIndicators(
            IndicatorCatalogue catalogue,
            Achievements achievements,
            IndicatorStore store,
            Scopes scopes,
            Documents documents) {
        this.documents = documents;
        this.catalogue = catalogue;
        this.achievements = achievements;
        this.store = store;
        this.scopes = scopes;
    }

    /**
     * A target the document set and how the unit stands against it.
     *
     * @param status as {@link TargetAchievement#status()}, the unit's own target against its own
     *     figures (as it was)
     */
    public record SetTarget(
            Target target,
            Indicator indicator,
            String status,
            @Nullable String latestPeriod) {}

    public record OfDocument(List<Indicator> defined, List<SetTarget> targets) {
        public boolean isEmpty() {
            return defined.isEmpty() && targets.isEmpty();
        }
    }

    /** @throws org.mandate.shared.NotFound when the reader may not see the document */
    @Transactional(readOnly = true)
    public OfDocument of(long documentId) {
        documents.requireReadable(documentId);
        var all = catalogue.all();
        var defined = all.stream()
                .filter(i -> Objects.equals(i.documentId(), documentId))
                .toList();
        var byCode = new HashMap<String, Indicator>();
        all.forEach(i -> byCode.put(i.code(), i));
        Scope scope = scopes.current();
        var readable = new HashMap<Long, Boolean>();
        // one achievement read per indicator, unit and term: it assesses all of that term's targets
        var reports = new HashMap<List<Object>, AchievementReport>();
        var set = store.targetsOfDocument(documentId).stream()
                .filter(t -> readable.computeIfAbsent(t.unit(), u -> scopes.mayRead(scope, u)))
                .map(t -> {
                    var report = reports.computeIfAbsent(
                            List.of(t.indicator(), t.unit(), t.term()),
                            k -> achievements.achievement(t.indicator(), t.unit(), t.term(), View.AS_WAS));
                    var assessed = report.targets().stream()
                            .filter(a -> Objects.equals(a.year(), t.year()))
                            .findFirst()
                            .orElseThrow();
                    return new SetTarget(t, byCode.get(t.indicator()), assessed.status(), assessed.latestPeriod());
                })
                .toList();
        return new OfDocument(defined, set);
    }
}
