package io.portus.web.repository;

import io.portus.catalog.Platform;
import io.portus.catalog.TagView;

import java.time.Instant;
import java.util.List;

/** The tags that share one manifest digest (one row of the tags table). */
public record TagGroup(String digest, List<TagView> tags, long size, String author, Instant pushedAt,
                       List<Platform> platforms, boolean index) {

    static TagGroup of(List<TagView> tags) {
        TagView first = tags.getFirst();
        Instant latest = tags.stream().map(TagView::pushedAt).max(Instant::compareTo).orElse(first.pushedAt());
        return new TagGroup(first.digest(), tags, first.size(), first.author(), latest, first.platforms(),
                !first.platforms().isEmpty());
    }

    /** {@code sha256:0123456789ab}: enough to tell digests apart on screen. */
    public String shortDigest() {
        return TagLabels.shortDigest(digest);
    }

    /** "1.0, latest". */
    public String tagNames() {
        return String.join(", ", tags.stream().map(TagView::name).toList());
    }

    public static String platformLabel(Platform p) {
        String s = (p.os() == null ? "?" : p.os()) + "/" + (p.architecture() == null ? "?" : p.architecture());
        return p.variant() == null || p.variant().isBlank() ? s : s + "/" + p.variant();
    }
}
