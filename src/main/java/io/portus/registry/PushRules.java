package io.portus.registry;

import java.util.List;

import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;

/**
 * Rules the built-in registry asks before a manifest becomes visible and before tags or manifests are deleted
 * (immutable tags, quotas). The registry knows no namespaces: an implementation elsewhere maps repositories to
 * its rules. Without such a bean every push and delete is allowed ({@link #NONE}).
 *
 * <p>Every deletion of the built-in registry (its {@code DELETE} handler and every {@link ManifestDeletes}
 * caller: API, UI, retention) goes through {@link #checkDelete}, so a refusal is the same on every path.
 */
public interface PushRules {

    /** Allows everything and counts nothing. */
    PushRules NONE = new PushRules() {
        @Override
        public Admission admit(ManifestPush push) {
            return Admission.NOTHING;
        }

        @Override
        public void checkDelete(RepositoryName repository, List<String> tags) {
            // no rules
        }

        @Override
        public void deleted(RepositoryName repository, Digest manifest) {
            // nothing counted
        }
    };

    /**
     * Checks a manifest push before anything of it is stored, and reserves what it adds to the usage.
     *
     * @return what to call when storing then fails
     * @throws Refused when a rule forbids it (the registry answers {@code DENIED} with the message)
     */
    Admission admit(ManifestPush push);

    /**
     * Checks a delete that would remove {@code tags} of {@code repository} (a tag delete: that tag; a manifest
     * delete: every tag on it).
     *
     * @throws Refused when a rule forbids it
     */
    void checkDelete(RepositoryName repository, List<String> tags);

    /** A manifest revision was deleted from {@code repository}: what it counted is given back. */
    void deleted(RepositoryName repository, Digest manifest);

    /**
     * A manifest push.
     *
     * @param tag      the tag it is pushed to, or null (by digest)
     * @param previous the digest {@code tag} points at now, or null
     * @param contents what it counts: the manifest bytes themselves, then config and layers (not the children of
     *                 an index: they are manifests of the repository, counted when pushed)
     */
    record ManifestPush(RepositoryName repository, Digest digest, String tag, Digest previous, List<Content> contents) {
    }

    /** One piece of content: digest and size. */
    record Content(Digest digest, long size) {
    }

    /** A reservation made by {@link #admit}; {@link #abandon} gives it back when the push did not happen. */
    interface Admission {
        Admission NOTHING = () -> { };

        void abandon();
    }

    /** A refusal by a rule; the message names the rule and is shown to the client. */
    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
