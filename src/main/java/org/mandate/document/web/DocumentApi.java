package org.mandate.document.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.document.AttachedFile;
import org.mandate.document.DocumentDetail;
import org.mandate.document.DocumentGraph;
import org.mandate.document.DocumentQuery;
import org.mandate.document.DocumentSummary;
import org.mandate.document.Documents;
import org.mandate.document.Relation;
import org.mandate.shared.InputProblem;
import org.mandate.shared.PageOf;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The document registry over HTTP; every call is checked against the caller's scope. */
@RestController
@RequestMapping("/api/documents")
class DocumentApi {
    private static final int MAX_PAGE_SIZE = 500;

    private final Documents documents;

    DocumentApi(Documents documents) {
        this.documents = documents;
    }

    @GetMapping
    @Operation(summary = "Search by number in any spelling (\"1026 kl tu\") or by words of title, text and files")
    PageOf<DocumentSummary> find(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(defaultValue = "true") boolean knownByNumber,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw InputProblem.field("size", "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        return documents.find(new DocumentQuery(q, type, knownByNumber, page, size));
    }

    @PostMapping
    @Operation(summary = "Register a document; its text's references are linked. 409 names the one registered already")
    ResponseEntity<DocumentDetail> register(@RequestBody DocumentRequest request) {
        long id = documents.register(Forms.newDocument(request));
        return ResponseEntity.created(URI.create("/api/documents/" + id)).body(documents.get(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A document with its text, warnings, files, and what it refers to and what refers to it")
    DocumentDetail get(@PathVariable String id) {
        return documents.get(Forms.id("id", id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change the title, date, signer, text or status; send the version that was read")
    DocumentDetail change(@PathVariable String id, @RequestBody DocumentUpdate update) {
        long documentId = Forms.id("id", id);
        documents.change(documentId, Forms.change(update));
        return documents.get(documentId);
    }

    @GetMapping("/{id}/graph")
    @Operation(summary = "What the document implements and what implements it, transitively, as nodes and edges")
    DocumentGraph graph(@PathVariable String id) {
        return documents.graph(Forms.id("id", id));
    }

    @PutMapping("/{id}/links/{to}")
    @Operation(summary = "Correct the relation to a referred document: implements, continues, amends, replaces, cites")
    ResponseEntity<Void> setRelation(
            @PathVariable String id, @PathVariable String to, @RequestBody Map<String, String> body) {
        String relation = body.get("relation");
        if (relation == null) {
            throw InputProblem.field("relation", "missing; one of implements, continues, amends, replaces, cites");
        }
        documents.setRelation(Forms.id("id", id), Forms.id("to", to), Relation.of(relation));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (PDF, DOCX or other), kept as given; its text is read for search")
    ResponseEntity<AttachedFile> attach(@PathVariable String id, @RequestPart("file") MultipartFile file)
            throws IOException {
        long documentId = Forms.id("id", id);
        var attached = documents.attach(
                documentId,
                file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType(),
                file.getBytes());
        return ResponseEntity.created(URI.create("/api/documents/" + documentId + "/files/" + attached.id()))
                .body(attached);
    }

    /** Only document formats keep their type; anything else (HTML, scripts) is served as bytes to save. */
    private static MediaType servedType(String stored) {
        return switch (stored) {
            case "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ->
                MediaType.parseMediaType(stored);
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }

    @GetMapping("/{id}/files/{fileId}")
    @Operation(summary = "An attached file, byte for byte as it was given")
    ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable String fileId) {
        var content = documents.file(Forms.id("id", id), Forms.id("fileId", fileId));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(servedType(content.contentType()))
                .body(content.bytes());
    }
}
