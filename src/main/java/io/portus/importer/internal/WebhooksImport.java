package io.portus.importer.internal;

import java.net.URI;

/**
 * Webhooks with their headers and past deliveries. Portus kept the password and header values in plain text;
 * here they are sealed as the webhook module stores them. Deliveries are history: one Portus never answered
 * (no status) is stored as failed (status 0), never sent again by itself.
 */
final class WebhooksImport {

    private final Run run;

    WebhooksImport(Run run) {
        this.run = run;
    }

    void importAll() {
        webhooks();
        headers();
        deliveries();
    }

    private void webhooks() {
        Tally tally = new Tally("webhooks");
        run.source.each("webhooks", w -> {
            String url = w.str("url");
            String name = AccountsImport.blankToNull(w.str("name")) != null ? w.str("name") : hostOf(url);
            Long namespace = run.mapped("namespaces", w.id("namespace_id"));
            int method = w.integer("request_method") == null ? 1 : w.integer("request_method");
            int type = w.integer("content_type") == null ? 0 : w.integer("content_type");
            if (namespace == null) {
                tally.refused(w.id(), name, "its namespace was not imported");
                return;
            }
            var existing = run.find("SELECT id FROM webhooks WHERE namespace_id = ? AND url = ? AND name = ?",
                    namespace, url, name);
            if (run.alreadyHere(tally, "webhooks", w.id(), existing)) {
                return;
            }
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://")) || url.length() > 2000) {
                tally.refused(w.id(), name, "no usable http(s) URL");
            } else if (method < 0 || method > 1 || type < 0 || type > 1) {
                tally.refused(w.id(), name, "unknown request method or content type (" + method + ", " + type + ")");
            } else {
                String password = AccountsImport.blankToNull(w.str("password"));
                run.map("webhooks", w.id(), run.insert("INSERT INTO webhooks (namespace_id, name, url, request_method, "
                                + "content_type, username, password_enc, enabled, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", namespace, Run.cut(name, 255), url, method, type,
                        AccountsImport.blankToNull(w.str("username")), run.secrets.seal(password), w.bool("enabled", false),
                        Run.db(w.time("created_at", run.now)), Run.db(w.time("updated_at", run.now))));
                tally.imported();
            }
        });
        run.done(tally);
    }

    private void headers() {
        Tally tally = new Tally("webhook_headers");
        run.source.each("webhook_headers", h -> {
            Long webhook = run.mapped("webhooks", h.id("webhook_id"));
            String name = h.str("name");
            if (webhook == null) {
                tally.refused(h.id(), name, "its webhook was not imported");
            } else if (name == null || name.isBlank() || name.length() > 255) {
                tally.refused(h.id(), name, "no usable header name");
            } else if (run.find("SELECT id FROM webhook_headers WHERE webhook_id = ? AND name = ?", webhook, name)
                    .isPresent()) {
                tally.skipped();
            } else {
                run.insert("INSERT INTO webhook_headers (webhook_id, name, value_enc, created_at) VALUES (?, ?, ?, ?)",
                        webhook, name, run.secrets.seal(h.str("value") == null ? "" : h.str("value")),
                        Run.db(h.time("created_at", run.now)));
                tally.imported();
            }
        });
        run.done(tally);
    }

    private void deliveries() {
        Tally tally = new Tally("webhook_deliveries");
        run.source.each("webhook_deliveries", d -> {
            Long webhook = run.mapped("webhooks", d.id("webhook_id"));
            String uuid = d.str("uuid");
            if (webhook == null) {
                tally.refused(d.id(), uuid, "its webhook was not imported");
            } else if (uuid == null || uuid.isBlank() || uuid.length() > 64) {
                tally.refused(d.id(), uuid, "no usable uuid");
            } else if (run.find("SELECT id FROM webhook_deliveries WHERE webhook_id = ? AND uuid = ?", webhook, uuid)
                    .isPresent()) {
                tally.skipped();
            } else {
                run.insert("INSERT INTO webhook_deliveries (webhook_id, uuid, status, request_header, request_body, "
                                + "response_header, response_body, attempts, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", webhook, uuid,
                        d.integer("status") == null ? 0 : d.integer("status"), d.str("request_header"),
                        d.str("request_body"), d.str("response_header"), d.str("response_body"),
                        Run.db(d.time("created_at", run.now)), Run.db(d.time("updated_at", run.now)));
                tally.imported();
            }
        });
        run.done(tally);
    }

    /** Portus 2.3 webhooks have no name: the URL's host stands in. */
    private static String hostOf(String url) {
        try {
            String host = url == null ? null : URI.create(url).getHost();
            return host == null ? "webhook" : host;
        } catch (IllegalArgumentException e) {
            return "webhook";
        }
    }
}
