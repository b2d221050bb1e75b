package org.mandate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.json.JsonWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies other than file uploads (JSON, text, forms, the reference extraction's raw text)
 * are refused over {@code mandate.web.max-body-size} with 413 and the limit named, before sign-in
 * and before any controller reads them, so an oversized body costs neither memory nor a database
 * call. A body announced with its length is judged by it; one of unknown length (chunked) is read up to the limit
 * and refused as soon as it passes it. Multipart uploads have their own limits
 * ({@code spring.servlet.multipart.*}, answered by {@link UploadLimits}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimit extends OncePerRequestFilter {
    static final String SETTING = "mandate.web.max-body-size";

    private final DataSize limit;

    BodyLimit(@Value("${" + SETTING + ":2MB}") DataSize limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0, 19);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long max = limit.toBytes();
        if (length > max) {
            refuse(response);
            return;
        }
        // a body of unknown length (chunked, or HTTP/2 without a length) is read up to the limit; a
        // form of unknown length is left to the server's own limit on form parameters
        // (server.tomcat.max-http-form-post-size)
        String method = request.getMethod();
        boolean mayHaveBody = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        boolean chunked = length < 0
                && mayHaveBody
                && !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType(request));
        if (!chunked) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (body.length > max) {
            refuse(response);
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null
                    ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(request.getContentType());
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("type", "urn:mandate:problem:body-too-large");
        detail.put("title", "Request body too large");
        detail.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
        detail.put(
                "detail",
                "The request body is larger than the limit of " + describe(limit) + " (" + SETTING
                        + "); nothing was read. Files are sent as uploads (multipart/form-data), which have"
                        + " their own limit");
        detail.put("limitBytes", limit.toBytes());
        // the client may still be sending: close the connection rather than read what is left
        response.setHeader("Connection", "close");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JsonWriter.standard().writeToString(detail));
    }

    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    /** A request whose body was read here, served again from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
