package org.mandate.access;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.audit.AuditEntry;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditQuery;
import org.mandate.shared.PageOf;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit log per record and per user, as a page and as JSON, filtered by the reader's scope:
 * a whole-country grant sees every entry; others see the entries about units their grants cover
 * and their own. Asking for the log of a unit outside one's scope answers 404.
 */
@Controller
class AuditViews {
    private static final int MAX_SIZE = 200;

    private final AuditLog audit;
    private final Scopes scopes;

    AuditViews(AuditLog audit, Scopes scopes) {
        this.audit = audit;
        this.scopes = scopes;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) @Nullable String entity,
            @RequestParam(required = false) @Nullable Long id,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("page", find(entity, id, actor, page, 50));
        return "audit";
    }

    @GetMapping("/api/audit")
    @ResponseBody
    Map<String, Object> api(
            @RequestParam(required = false) @Nullable String entity,
            @RequestParam(required = false) @Nullable Long id,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageOf<AuditEntry> found = find(entity, id, actor, page, size);
        return Map.of("total", found.total(), "items", found.items());
    }

    private PageOf<AuditEntry> find(
            @Nullable String entity, @Nullable Long id, @Nullable String actor, int page, int size) {
        Scope scope = scopes.current();
        if ("org_unit".equals(entity) && id != null) {
            scopes.requireRead(id, "Unit " + id);
        }
        int bounded = Math.max(1, Math.min(size, MAX_SIZE));
        Long[] roots = scope.readsEverything() ? null : scope.readRoots().toArray(Long[]::new);
        return audit.find(new AuditQuery(
                entity,
                id,
                actor,
                roots,
                roots == null ? null : scope.username(),
                Scopes.today(),
                Math.max(0, page),
                bounded));
    }
}
