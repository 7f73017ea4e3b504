package io.portus.registry.event;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One registry event, field for field CNCF distribution's notification {@code Event} (an envelope is
 * {@code {"events":[...]}}). Empty fields are left out when serialised.
 *
 * @param id        unique id of the event (a UUID)
 * @param timestamp when it happened
 * @param action    {@link #PUSH}, {@link #PULL}, {@link #MOUNT} or {@link #DELETE}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RegistryEvent(String id, Instant timestamp, String action, Target target, Request request,
                            Actor actor, Source source) {

    public static final String PUSH = "push";
    public static final String PULL = "pull";
    public static final String MOUNT = "mount";
    public static final String DELETE = "delete";

    /** Media type distribution gives blob events. */
    public static final String BLOB_MEDIA_TYPE = "application/octet-stream";

    /**
     * What the event is about. A manifest or blob carries {@code digest} (and, except for deletes,
     * {@code mediaType}, {@code size}, {@code length}, {@code url}); a tag delete carries only
     * {@code repository} and {@code tag}.
     *
     * @param length         same as size (legacy field kept by distribution)
     * @param fromRepository the source repository of a mount
     * @param url            absolute URL of the manifest or blob ({@code .../v2/<name>/manifests/<digest>})
     * @param tag            the tag a manifest was pushed or pulled by, or the deleted tag
     * @param references     descriptors a manifest refers to (config and layers, or index children)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Target(String mediaType, Long size, String digest, Long length, String repository,
                         String fromRepository, String url, String tag, List<Descriptor> references) {
    }

    /** A content descriptor listed in {@link Target#references()}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Descriptor(String mediaType, String digest, Long size) {
    }

    /** The HTTP request that caused the event. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Request(String id, String addr, String host, String method, String useragent) {
    }

    /** Who made the request: the token's subject, empty when anonymous. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Actor(String name) {
    }

    /** The registry instance that generated the event ({@code addr} = hostname:port). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(String addr, String instanceID) {
    }
}
