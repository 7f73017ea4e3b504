package io.portus.retention;

/**
 * What a cleanup decided (or did) for one tag.
 *
 * @param delete whether it goes (in a dry run: would go); false = kept, {@code reason} says why
 * @param reason why it goes or stays ("kept by rule 1 (…)", "shares its digest with kept tag latest", the
 *               refusal of the delete, …)
 */
public record TagDecision(String repository, String tag, String digest, boolean delete, String reason) {
}
