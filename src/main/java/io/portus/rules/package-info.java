/**
 * Immutable tags and quotas per namespace (issue #11): the rules ({@link io.portus.rules.NamespaceRulesService},
 * set through the namespace API and UI) and their enforcement in the built-in registry through the registry's
 * {@link io.portus.registry.PushRules} SPI. Usage counts every content (manifest bytes, config, layers) of the
 * manifests present in the namespace's repositories once per namespace; it is kept in the database at each
 * manifest push and delete, and recounted from storage regularly so it cannot drift.
 */
package io.portus.rules;
