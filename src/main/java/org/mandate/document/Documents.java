package org.mandate.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.document.internal.DocumentSearch;
import org.mandate.document.internal.DocumentStore;
import org.mandate.document.internal.DocumentStore.Stored;
import org.mandate.document.internal.LegacyEncoding;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.mandate.shared.PageOf;
import org.springframework.boot.json.JsonWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document registry: registering documents (joining what was known by number only), reading
 * them within scope, the links read from their texts, and the corrections users make to them.
 * Documents flow down: one of a unit is read in that unit's subtree and above it.
 */
@Service
public class Documents {
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int GRAPH_DEPTH = 6;
    private static final int GRAPH_MAX_NODES = 300;

    private final DocumentStore store;
    private final DocumentSearch search;
    private final DocumentFiles files;
    private final Scopes scopes;
    private final AuditLog audit;

    Documents(DocumentStore store, DocumentSearch search, DocumentFiles files, Scopes scopes, AuditLog audit) {
        this.store = store;
        this.search = search;
        this.files = files;
        this.scopes = scopes;
        this.audit = audit;
    }

    /**
     * Registers a document and links the documents its text refers to.
     *
     * @throws Conflict when the same document (type, number, issuer, year, province of a local
     *     issuer) is registered already; the message names it
     */
    @Transactional
    public long register(NewDocument n) {
        Scope scope = scopes.current();
        Symbol symbol = Symbol.read(n.symbol(), n.type());
        var warnings = new ArrayList<String>(symbol.warnings());
        Long unitId = unitOf(n, symbol, scope);
        scopes.requireChangeOf(unitId, "documents of that unit");
        legacyWarning(n.body()).ifPresent(warnings::add);
        Long province = symbol.local() && unitId != null ? store.provinceOf(unitId) : null;
        String identity = symbol.key() + "|" + (province == null ? "" : province);
        var row = new DocumentStore.Row(
                identity,
                symbol.symbol(),
                symbol.type(),
                symbol.number(),
                symbol.year(),
                symbol.issuer(),
                province,
                n.issuingBodyId(),
                unitId,
                n.issuedOn(),
                blankToNull(n.title()),
                blankToNull(n.signer()),
                blankToNull(n.body()),
                n.status().code(),
                true,
                warnings,
                symbol.numberKey(),
                symbol.codes(),
                actor(scope));
        var existing = store.byIdentity(identity);
        long id;
        if (existing.isPresent() && existing.get().registered()) {
            long other = existing.get().id();
            throw new Conflict(
                    "Document " + store.summary(other).symbol() + " is already registered (document " + other + ")",
                    "/api/documents/" + other);
        }
        if (existing.isPresent()) {
            id = existing.get().id();
            String before = store.snapshot(id);
            store.fill(id, row);
            audit(scope, "register_known", id, unitId, before);
        } else {
            id = store.insert(row);
            audit(scope, "create", id, unitId, null);
        }
        relink(id, scope);
        return id;
    }

    @Transactional
    public void change(long id, DocumentChange c) {
        Scope scope = scopes.current();
        Stored stored = readable(id);
        scopes.requireChangeOf(stored.unitId(), "document " + id);
        if (!stored.registered()) {
            throw new Conflict("Document " + id + " is known by number only; register it to describe it");
        }
        String before = store.snapshot(id);
        var warnings = new ArrayList<>(store.texts(id).warnings());
        warnings.removeIf(w -> w.startsWith(LEGACY_PREFIX));
        legacyWarning(c.body()).ifPresent(warnings::add);
        if (!store.update(
                id,
                c.version(),
                c.issuedOn(),
                blankToNull(c.title()),
                blankToNull(c.signer()),
                blankToNull(c.body()),
                c.status().code(),
                warnings)) {
            throw new Conflict("Document " + id + " was changed by someone else since version " + c.version()
                    + " was read; reload it and make the change again");
        }
        audit(scope, "update", id, stored.unitId(), before);
        relink(id, scope);
    }

    @Transactional(readOnly = true)
    public DocumentDetail get(long id) {
        readable(id);
        Scope scope = scopes.current();
        var texts = store.texts(id);
        var attached = files.list(id);
        var warnings = new ArrayList<>(texts.warnings());
        attached.stream().map(AttachedFile::warning).filter(w -> w != null).forEach(warnings::add);
        return new DocumentDetail(
                store.summary(id),
                texts.signer(),
                texts.body(),
                warnings,
                texts.version(),
                store.links(id, true).stream()
                        .filter(l -> mayRead(scope, l.to()))
                        .toList(),
                store.links(id, false).stream()
                        .filter(l -> mayRead(scope, l.from()))
                        .toList(),
                attached);
    }

    @Transactional(readOnly = true)
    public PageOf<DocumentSummary> find(DocumentQuery q) {
        Scope scope = scopes.current();
        return search.find(q, scope.readsEverything(), scope.readRoots(), LocalDate.now(VIETNAM));
    }

    /** The documents linked to this one, transitively, both ways; those the reader may not see are left out. */
    @Transactional(readOnly = true)
    public DocumentGraph graph(long id) {
        readable(id);
        Scope scope = scopes.current();
        var graph = store.graph(id, GRAPH_DEPTH, GRAPH_MAX_NODES);
        var nodes = graph.nodes().stream().filter(d -> mayRead(scope, d)).toList();
        var visible = nodes.stream().map(DocumentSummary::id).collect(java.util.stream.Collectors.toSet());
        var edges = graph.edges().stream()
                .filter(e -> visible.contains(e.from()) && visible.contains(e.to()))
                .toList();
        return new DocumentGraph(id, nodes, edges);
    }

    /** A user's correction of how one document stands to another it refers to; kept when the text is read again. */
    @Transactional
    public void setRelation(long fromId, long toId, Relation relation) {
        Scope scope = scopes.current();
        Stored from = readable(fromId);
        readable(toId);
        scopes.requireChangeOf(from.unitId(), "document " + fromId);
        Relation before = store.setRelation(fromId, toId, relation)
                .orElseThrow(() -> new NotFound("Document " + fromId + " does not refer to document " + toId));
        audit.record(new AuditRecord(
                actor(scope),
                "set_relation",
                "document_link",
                fromId,
                from.unitId(),
                JsonWriter.standard().writeToString(Map.of("from", fromId, "to", toId)),
                JsonWriter.standard().writeToString(Map.of("relation", before.code())),
                JsonWriter.standard().writeToString(Map.of("relation", relation.code()))));
    }

    /** Attaches a file as given; its text joins search and the references of the document. */
    @Transactional
    public AttachedFile attach(long id, String name, String contentType, byte[] bytes) {
        Scope scope = scopes.current();
        Stored stored = readable(id);
        scopes.requireChangeOf(stored.unitId(), "document " + id);
        if (name.isBlank()) {
            throw InputProblem.field("file", "the file has no name");
        }
        var attached = files.attach(id, stored.unitId(), scope, name.strip(), contentType, bytes);
        relink(id, scope);
        return attached;
    }

    @Transactional(readOnly = true)
    public FileContent file(long id, long fileId) {
        readable(id);
        return files.content(id, fileId).orElseThrow(() -> new NotFound("Document " + id + " has no file " + fileId));
    }

    /** Whether the current user may change the document (register files, correct relations). */
    @Transactional(readOnly = true)
    public boolean mayChange(long id) {
        Stored stored = readable(id);
        Scope scope = scopes.current();
        return stored.unitId() == null ? scope.changesEverything() : scopes.mayChange(scope, stored.unitId());
    }

    /**
     * For other features' sections of a document's page (its indicators and targets): NotFound when
     * there is no such document or the reader may not see it.
     */
    @Transactional(readOnly = true)
    public void requireReadable(long id) {
        readable(id);
    }

    /** The document's row for the checks of other features; NotFound when the reader may not see it. */
    Stored readable(long id) {
        Stored stored = store.stored(id).orElseThrow(() -> new NotFound("Document " + id + " was not found"));
        scopes.requireReadFlowingDown(stored.unitId(), "Document " + id);
        return stored;
    }

    /** Reads the references of the document's text and files again and links them. */
    void relink(long id, Scope scope) {
        var summary = store.summary(id);
        var texts = store.texts(id);
        String text = (texts.body() == null ? "" : texts.body()) + "\n" + files.allText(id);
        List<Reference> refs = ReferenceParser.extract(text);
        List<Relation> relations = Relations.infer(text, refs);
        Long province = summary.unitId() == null ? null : store.provinceOf(summary.unitId());
        String own = store.identityOf(id);
        var links = new LinkedHashMap<Long, DocumentStore.NewLink>();
        for (int i = 0; i < refs.size(); i++) {
            Reference ref = refs.get(i);
            boolean local = !Issuers.isCentral(ref.issuer());
            Long refProvince = local ? province : null;
            String identity = ref.key() + "|" + (refProvince == null ? "" : refProvince);
            if (identity.equals(own)) {
                continue;
            }
            long target = store.byIdentity(identity)
                    .map(Stored::id)
                    .orElseGet(() -> knownByNumber(ref, identity, refProvince, scope));
            Relation relation = relations.get(i);
            var known = links.get(target);
            if (known == null || known.relation() == Relation.CITES && relation != Relation.CITES) {
                links.put(
                        target,
                        new DocumentStore.NewLink(
                                target, relation, ref.raw(), known == null ? ref.start() : known.position()));
            }
        }
        store.replaceInferredLinks(id, List.copyOf(links.values()));
        store.refreshSearch(id);
    }

    private long knownByNumber(Reference ref, String identity, @Nullable Long province, Scope scope) {
        var symbol = Symbol.of(ref);
        long id = store.insert(new DocumentStore.Row(
                identity,
                ref.symbol(),
                ref.type(),
                ref.number(),
                ref.year(),
                ref.issuer(),
                province,
                null,
                province,
                ref.date(),
                null,
                null,
                null,
                DocumentStatus.IN_FORCE.code(),
                false,
                List.of(),
                symbol.numberKey(),
                symbol.codes(),
                actor(scope)));
        store.refreshSearch(id);
        audit(scope, "create_known_by_number", id, province, null);
        return id;
    }

    private @Nullable Long unitOf(NewDocument n, Symbol symbol, Scope scope) {
        Long unitId = null;
        if (n.unitId() != null) {
            unitId = store.placeOf(n.unitId())
                    .orElseThrow(() -> InputProblem.field("unit", "there is no unit " + n.unitId()))
                    .localityId();
        }
        if (n.issuingBodyId() != null) {
            var place = store.placeOf(n.issuingBodyId())
                    .orElseThrow(() -> InputProblem.field("issuingBody", "there is no unit " + n.issuingBodyId()));
            if (unitId == null) {
                unitId = place.localityId();
            }
        }
        if (unitId == null && symbol.local()) {
            var roots = scope.changeRoots();
            if (roots.size() != 1) {
                throw InputProblem.field(
                        "unit",
                        "the issuer '" + symbol.issuer() + "' is a local one (every province has one): say which"
                                + " locality the document belongs to, or which body issued it");
            }
            unitId = store.placeOf(roots.iterator().next())
                    .map(p -> p.localityId())
                    .orElse(null);
        }
        return unitId;
    }

    private boolean mayRead(Scope scope, DocumentSummary d) {
        return scopes.mayReadFlowingDown(scope, d.unitId());
    }

    private void audit(Scope scope, String action, long id, @Nullable Long unitId, @Nullable String before) {
        audit.record(new AuditRecord(actor(scope), action, "document", id, unitId, "{}", before, store.snapshot(id)));
    }

    static final String LEGACY_PREFIX = "The text looks typed in the legacy ";

    private static java.util.Optional<String> legacyWarning(@Nullable String body) {
        return java.util.Optional.ofNullable(LegacyEncoding.detect(body))
                .map(enc -> LEGACY_PREFIX + enc + " encoding: it is kept as given, but search will not find its"
                        + " words until it is converted to Unicode");
    }

    static String actor(Scope scope) {
        return scope.signedIn() ? scope.username() : "system";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
