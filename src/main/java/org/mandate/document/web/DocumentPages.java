package org.mandate.document.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mandate.document.DocumentQuery;
import org.mandate.document.DocumentStatus;
import org.mandate.document.DocumentSummary;
import org.mandate.document.Documents;
import org.mandate.document.Relation;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.UnitCatalog;
import org.mandate.organization.UnitQuery;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Pages of the document registry: search, registering, and a document with its graph and timeline. */
@Controller
class DocumentPages {
    private static final int PAGE_SIZE = 30;
    private static final int MAX_BODIES = 1000;

    private final Documents documents;
    private final UnitCatalog catalog;
    private final MessageSource messages;

    DocumentPages(Documents documents, UnitCatalog catalog, MessageSource messages) {
        this.documents = documents;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/documents")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("found", documents.find(new DocumentQuery(q, null, true, Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("pageSize", PAGE_SIZE);
        return "documents/list";
    }

    @GetMapping("/documents/new")
    String form(Model model) {
        return form(model, new DocumentRequest(null, null, null, null, null, null, null, null, null), null);
    }

    private String form(Model model, DocumentRequest filled, @Nullable String error) {
        model.addAttribute("form", filled);
        model.addAttribute("error", error);
        model.addAttribute("statuses", DocumentStatus.values());
        model.addAttribute(
                "bodies",
                catalog.find(new UnitQuery(LocalDate.now(), Hierarchy.BODY, null, null, null, 0, MAX_BODIES))
                        .items());
        return "documents/new";
    }

    @PostMapping("/documents")
    String register(@ModelAttribute DocumentRequest request, Model model) {
        try {
            return "redirect:/documents/" + documents.register(Forms.newDocument(request));
        } catch (InputProblem | Conflict problem) {
            return form(model, request, problem.getMessage());
        }
    }

    @GetMapping("/documents/{id}")
    String document(@PathVariable String id, Model model, Locale locale) {
        long documentId = Forms.id("id", id);
        var detail = documents.get(documentId);
        var graph = documents.graph(documentId);
        model.addAttribute("doc", detail);
        model.addAttribute("d", detail.summary());
        model.addAttribute("graph", graph);
        model.addAttribute("mayChange", documents.mayChange(documentId));
        model.addAttribute("relations", Relation.values());
        var names = new java.util.LinkedHashMap<String, String>();
        for (Relation r : Relation.values()) {
            names.put(r.code(), messages.getMessage("doc.relation." + r.code(), null, locale));
        }
        model.addAttribute("relationNames", names);
        model.addAttribute(
                "timeline",
                graph.nodes().stream()
                        .filter(n -> n.issuedOn() != null)
                        .sorted(Comparator.comparing(DocumentSummary::issuedOn))
                        .toList());
        return "documents/document";
    }

    @PostMapping("/documents/{id}/links/{to}")
    String relation(@PathVariable String id, @PathVariable String to, @RequestParam String relation) {
        long documentId = Forms.id("id", id);
        documents.setRelation(documentId, Forms.id("to", to), Relation.of(relation));
        return "redirect:/documents/" + documentId;
    }

    @PostMapping("/documents/{id}/files")
    String attach(@PathVariable String id, @RequestParam("file") MultipartFile file) throws IOException {
        long documentId = Forms.id("id", id);
        if (file.isEmpty()) {
            throw InputProblem.field("file", "choose a file to attach");
        }
        documents.attach(
                documentId,
                file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                file.getContentType() == null ? "application/octet-stream" : file.getContentType(),
                file.getBytes());
        return "redirect:/documents/" + documentId;
    }
}
